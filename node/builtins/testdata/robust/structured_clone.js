// structuredClone over the copy codec, compared with node. Known
// differences left out: the DataCloneError text for functions and symbols
// (node quotes their source), array holes (become undefined) and
// primitive wrapper objects (become primitives).
const util = require('util');
const values = [
  new Proxy({}, {}), { a: { b: [1, new Map([[1, { x: new Date(0) }]])] } }, /x/g, new Uint8Array([1, 2]),
  new Set([1, 'a']), { u: undefined, n: null, nan: NaN, z: -0 }, Object.create({ inh: 1 }, { own: { value: 2, enumerable: true } }),
  { __proto__: null, k: 1 }, { ['__proto__']: 5 }, new ArrayBuffer(3), [new Float64Array([1.5]), 2n],
];
for (const v of values) {
  try { console.log(util.inspect(structuredClone(v))) } catch (e) { console.log(e.name, e.message, e.code) }
}
const o = {}; o.self = o; o.arr = [o];
const c = structuredClone(o);
console.log(c.self === c, c !== o, c.arr[0] === c);
console.log(structuredClone(undefined), structuredClone(1n), structuredClone('s'));
try { structuredClone() } catch (e) { console.log(e.name, e.message) }
const e2 = structuredClone(new RangeError('boom'));
console.log(e2 instanceof RangeError, e2.message);
try { structuredClone({ get x() { throw new Error('getter') } }) } catch (e) { console.log('threw', e.message) }
const m = new Map(); m.set(m, m);
const mc = structuredClone(m);
console.log(mc.get(mc) === mc);
