// Issue #13: lowered async generators (esbuild) against V8's: toString is
// the original text, the generator objects inherit the function's
// prototype, %AsyncGeneratorFunction% / %AsyncGeneratorPrototype% /
// %AsyncIteratorPrototype% shapes, names, methods; in a new context and
// the main realm.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestAsyncGenCases
const vm = require('vm');
const code = String.raw`
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + (e instanceof Error ? e.name + ': ' + e.message : String(e))); } }
async function* g(a) { yield a; }
const e = async function* () {};
const o = { async *m() { yield 1; } };
class C { static async *s() {} }
t(() => [g.name, e.name, o.m.name, C.s.name, g.length]);
t(() => [g() instanceof g, e() instanceof e, o.m() instanceof o.m]);
t(() => [Object.getPrototypeOf(o.m) === Object.getPrototypeOf(g), Object.getPrototypeOf(C.s) === Object.getPrototypeOf(g)]);
t(() => [String(g), String(e), String(o.m), String(C.s)]);
t(() => { const AGF = Object.getPrototypeOf(g); return [AGF[Symbol.toStringTag], AGF.constructor.name, Object.getPrototypeOf(AGF) === Function.prototype, AGF.prototype[Symbol.toStringTag], Object.getPrototypeOf(g.prototype) === AGF.prototype]; });
t(() => { const AIP = Object.getPrototypeOf(Object.getPrototypeOf(g.prototype)); return [typeof AIP[Symbol.asyncIterator], Object.getPrototypeOf(AIP) === Object.prototype, Object.getOwnPropertyNames(AIP)]; });
t(() => [Object.prototype.toString.call(g()), Object.prototype.toString.call(g), typeof g().next]);
t(() => { const p = g.prototype; const x = g(); return [Object.getPrototypeOf(x) === p, Object.getOwnPropertyNames(p), g.hasOwnProperty('prototype'), Object.getOwnPropertyDescriptor(g, 'prototype').writable]; });
t(() => { g.prototype = null; const r = Object.getPrototypeOf(g()) === Object.getPrototypeOf(g).prototype; g.prototype = Object.create(Object.getPrototypeOf(g).prototype); return r; });
t(() => { const AGF = Object.getPrototypeOf(g).constructor; return [AGF.name, AGF.length, Object.getPrototypeOf(AGF) === Function]; });
t(() => new g());
t(() => Object.getOwnPropertyNames(Object.getPrototypeOf(g).prototype));
t(() => { const C2 = class { async *q() {} static async *r() { yield 2; } }; return [String(C2.prototype.q), Object.getPrototypeOf(C2.r) === Object.getPrototypeOf(g), typeof C2.prototype.q.prototype, Object.getPrototypeOf(C2.r.prototype) === Object.getPrototypeOf(g).prototype]; });
t(() => { async function* outer() { async function* inner(x) { yield x * 2; } yield* inner(3); } return [String(outer).length, String(outer).startsWith('async function* outer()'), outer() instanceof outer]; });
t(() => { var k = async function* named(n) { yield n; }; var obj = { p: async function* () {} }; var z; z = async function* () {}; return [k.name, obj.p.name, z.name, String(k)]; });
t(() => { var log = []; async function* h() { log.push('start'); yield 1; yield 2; } var it = h(); it.next().then(r => log.push(r.value)); return log; });
t(() => { async function* h() {} h.prototype = 5; return Object.getPrototypeOf(h()) === Object.getPrototypeOf(h).prototype; });
t(() => { async function* h() {} var p = {}; h.prototype = p; return Object.getPrototypeOf(h()) === p; });
t(() => [typeof Object.getPrototypeOf(g).constructor, Object.getPrototypeOf(g).constructor === Object.getPrototypeOf(async function* () {}).constructor, Object.getPrototypeOf(g) === Object.getPrototypeOf(o.m)]);
out.join('\n');

`;
console.log(vm.runInNewContext(code));
console.log(vm.runInThisContext(code));
