const qs = require('qs');
console.log(JSON.stringify(qs.parse('a[b][c]=1&d[]=x&d[]=y&e=%20')), qs.stringify({ a: { b: [1, 2] }, c: 'd e' }));
