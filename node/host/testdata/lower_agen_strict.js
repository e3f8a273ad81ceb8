'use strict';
// Lowered async generators in strict code whose own bindings shadow the
// intrinsics (readable-stream's primordials): the lowering's helpers must
// not read the program's `Symbol` while it is in its TDZ.
const { Symbol, Object: O } = { Symbol: globalThis.Symbol, Object: globalThis.Object };
async function* g() { yield 1; yield 2 }
const expr = async function* () {};
const p = O.getPrototypeOf(expr);
console.log(typeof p, p === Function.prototype, String(p.prototype), O.getPrototypeOf(g) === p);
console.log(O.prototype.toString.call(g()), typeof Symbol.asyncIterator);
(async () => { for await (const x of g()) console.log('got', x) })();
