const eq = require('fast-deep-equal');
console.log(eq({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), eq({ a: 1 }, { a: '1' }), eq(/x/g, /x/g), eq(new Date(1), new Date(1)));
