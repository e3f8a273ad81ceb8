// superjson, flatted, safe-stable-stringify: rich and circular serialization
import superjson from 'superjson';
import { stringify as fstringify, parse as fparse } from 'flatted';
import safeStringify from 'safe-stable-stringify';
const v = { d: new Date(0), m: new Map([[1, 'a']]), s: new Set([1, 2]), b: 10n, u: undefined, r: /x/g, n: NaN, inf: -Infinity };
const { json, meta } = superjson.serialize(v);
console.log(JSON.stringify(json), JSON.stringify(meta));
const back = superjson.parse(superjson.stringify(v));
console.log(back.d instanceof Date, back.m.get(1), back.s.has(2), typeof back.b, back.r.flags, Number.isNaN(back.n), 'u' in back);
const circ = { a: [1, { x: 'y' }] }; circ.self = circ; circ.a.push(circ.a);
const f = fstringify(circ);
console.log(f);
const fb = fparse(f);
console.log(fb.self === fb, fb.a[2] === fb.a);
console.log(safeStringify({ b: 1, a: [3, { z: 1, y: circ }], c: 2n }));
console.log(safeStringify({ b: 1, a: 2 }, null, 2));
