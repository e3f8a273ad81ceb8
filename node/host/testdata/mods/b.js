const a = require('./a');
exports.fromA = a.name;
exports.partial = a.partial;
