module.exports = require('./cy1.cjs');
