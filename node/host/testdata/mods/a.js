exports.name = 'a';
exports.partial = 'yes';
exports.b = require('./b');
