module.exports = require('./cy2.cjs'); exports.q = 1;
