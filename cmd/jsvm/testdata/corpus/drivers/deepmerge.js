const merge = require('deepmerge');
console.log(JSON.stringify(merge({ a: [1], b: { c: 1 } }, { a: [2], b: { d: 2 } })), JSON.stringify(merge.all([{ x: 1 }, { y: 2 }, { x: 3 }])));
