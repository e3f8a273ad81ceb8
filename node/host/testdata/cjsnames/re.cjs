module.exports = { ...require('./lx.cjs'), ...require('../attrs/x.json'), own };
var own = 1;
