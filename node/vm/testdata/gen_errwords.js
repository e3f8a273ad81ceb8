// Engine errors caught by the code itself carry V8's words (issue #13):
// sobek's own errors are reworded as they are made, in every realm, so
// e.message and the head of e.stack read as in Node. Each snippet runs in
// a new context (direct code, a function called from outside, eval and
// new Function bodies) and in the main realm; errors code constructs
// itself keep their message.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestErrorWordsCases
const vm = require('vm');
const snippets = [
  'null.x', 'undefined.x', 'var o; o.x', 'var o = null; o.x', 'var o = {}; o.a.b', 'var o = {}; o.a.b = 1', 'null.x = 1',
  'undefined[0]', 'var o = null; o[1] = 1', 'var o = null; o.k = 1', 'var s = Symbol("q"); null[s]', 'undefined[Symbol.iterator]',
  'var o = {}; o.f()', 'var o = {a:{}}; o.a.f()', 'var f; f()', 'var f = 1; f()', 'this.nope()', 'Math.nope()',
  'undefinedVar', 'undefinedFn()', 'new 1', 'var x = 1; new x()', 'var f = () => {}; new f()', 'var o = {m(){}}; new o.m()',
  'const c = 1; c = 2', 'class A {}; A()', 'let z = z', 'zz; let zz = 1', '[].reduce((a,b)=>a)', '(1).toFixed(101)',
  'decodeURIComponent("%")', 'Object.setPrototypeOf(Object.preventExtensions({}), {})', '"use strict"; var o = Object.freeze({a:1}); o.a = 2',
  'JSON.parse("")', 'var {a} = null', 'function f({a}) {} f()', 'for (const x of 1) {}', 'var o = {}; for (const x of o) {}',
  'var o = {}; [...o]', '[1].map(2)', '[].forEach()', '[1].map({})', '[1].flatMap(1)', 'new Promise(1)', 'Reflect.construct(1)',
  'Map.prototype.get.call({})', 'class B {}; class C extends B { constructor(){ this.y = 1 } }; new C()',
  'Symbol.prototype.toString.call(1)', 'var q = {a:null}; q.a.b', 'var o = {}; o?.a.b',
  'new Function("a..b")', 'eval("a..b")', 'eval("let let = 1")', 'new Function("return }")', 'eval("{")', 'eval("var 1")',
  'new Function("a", "b", "return a +")',
  // constructed by code: the message stays
  'throw new TypeError("Cannot read property \'x\' of undefined")', 'throw new TypeError("Value is not an object: 1")',
  'class E extends TypeError {}; throw new E("No initial value")', 'throw new RangeError("toFixed() precision must be between 0 and 100")',
];
const body = `function probe(snips) {
  const out = [];
  for (const s of snips) {
    try { (0, eval)(s); out.push('no throw'); }
    catch (e) { out.push(String(e && e.constructor && e.constructor.name) + ': ' + (e && e.message) + ' | ' + String(e && e.stack).split('\\n')[0]); }
  }
  return out;
}`;
const inCtx = vm.runInNewContext(`(${body})`, {}, { filename: 'probe.js' })(snippets);
const inMain = eval(`(${body})`)(snippets);
let n = 0;
for (let i = 0; i < snippets.length; i++) {
  console.log(`${n++}: ctx ${JSON.stringify(snippets[i])} => ${inCtx[i]}`);
  console.log(`${n++}: main ${JSON.stringify(snippets[i])} => ${inMain[i]}`);
}
// a script run directly in a context, errors caught there
const ctx = vm.createContext({});
console.log(`${n++}: ` + vm.runInContext('try { null.f } catch (e) { e.message + " | " + e.stack.split("\\n")[0] }', ctx));
console.log(`${n++}: ` + vm.runInContext('try { (void 0).call() } catch (e) { e.message }', ctx));
console.log(`${n++}: ` + vm.runInContext('try { missing.x } catch (e) { e.name + ": " + e.message }', ctx));
console.log(`${n++}: ` + vm.runInContext('Promise.reject(1).then(() => {}, () => {}); async function g() { try { await null; null.y } catch (e) { return e.message } } g()', ctx).constructor.name);
// a function of a context, called (and caught) in the main realm
const f = vm.runInContext('(function () { return null.z })', ctx);
try { f() } catch (e) { console.log(`${n++}: ` + e.message) }
// an error of a context that never ran code that catches
const g = vm.runInNewContext('(function () { var u; return u.w })');
try { g() } catch (e) { console.log(`${n++}: ` + e.message) }
// a revoked Proxy: V8 names the operation
console.log(`${n++}: ` + vm.runInNewContext(`var r = Proxy.revocable(function () {}, {}); r.revoke(); var p = r.proxy; var out = [];
for (const f of [() => p.x, () => { p.x = 1 }, () => 'x' in p, () => delete p.x, () => p(), () => new p(), () => Object.keys(p), () => Array.isArray(p), () => Object.getOwnPropertyDescriptor(p, 'x'), () => Object.getPrototypeOf(p), () => Object.defineProperty(p, 'x', {}), () => p[1], () => Reflect.has(p, 'x'), () => Object.isExtensible(p), () => JSON.stringify(p), () => ({...p}), () => p instanceof Object])
  try { f(); out.push('ok') } catch (e) { out.push(e.message.replace(/^Cannot perform '(.*)' on a proxy that has been revoked$/, '$1')) }
out.join()`));
