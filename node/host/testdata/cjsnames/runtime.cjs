// keys made at run time are no named exports
const o = {};
for (const k of ['dyn1', 'dyn2']) o[k] = k;
module.exports = o;
