// util._extend (http-proxy, older express middleware): own enumerable
// keys, last to first; non-objects give the target back; getters run.
'use strict';
const util = require('util');
const order = [];
const src = { a: 1, b: 2, get c() { order.push('c'); return 3; } };
Object.defineProperty(src, 'hidden', { value: 4, enumerable: false });
const target = { a: 0, z: 9 };
console.log(util._extend(target, src) === target, target, order);
console.log(util._extend({ x: 1 }, null), util._extend({ x: 1 }, 'str'), util._extend({ x: 1 }, [5, 6]));
const seen = [];
util._extend(new Proxy({}, { set(t, k, v) { seen.push(k); t[k] = v; return true; } }), { p: 1, q: 2, r: 3 });
console.log(seen);
try { util._extend(null, { a: 1 }); } catch (e) { console.log(e.name); }
