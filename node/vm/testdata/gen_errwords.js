// Engine errors caught by the code itself carry V8's words (issue #13):
// sobek's own errors are reworded as they are made, in every realm, so
// e.message and the head of e.stack read as in Node. Each snippet runs in
// a new context (direct code, a function called from outside, eval and
// new Function bodies) and in the main realm; errors code constructs
// itself keep their message.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestErrorWordsCases
const vm = require('vm');
const jsonTexts = ['{"a":}', '', '{', '{"a"', '{"a":1', '[1,', '{a:1}', '[1,]', '{"a":1,}', 'tru', 'nul', '01', '1.', '-', '"abc', '"\\x"', '"\u0001"',
  '{"a":1}x', 'undefined', '[', ' ', 'abc', '{"a" 1}', '[1 2]', '1e', '"a\nb"', "'a'", '{,}', '{"a":1 "b":2}', 'NaN', '{"__proto__":}', '123abc',
  '[1,2,3', '{"a":[}', '\u2028', 'ü', '"\\u00"', 'tx', 'falsey', '{"a":1}}', '[]]', '0-', 't1', 't"', '"\\', '"\\€"', '"\\ü"', '-a', '-01',
  '1.5e+', '1E5x', '"\\uZZZZ"', '"\\u12"', '{"a":1,"b"}', '{"a"}', '{"a",}', '[,]', '{"a":1,,}', '\ufeff1', '"\ud83d\ude00', '[\ud83d\ude00]',
  'nulx', 'fals', 'f', '{"a"::1}', '["a" "b"]', '[1}', '{"a":1]', '1 2', '"a" "b"', '[1]\n\n ,', '{"x":1,"y":2,"z":3,"w":4,"v":5 "u"}',
  '[object Object]', 'Infinity', '-Infinity', 'undefinedx', '\u0000', '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, x]'];
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
  // operators, constructors, Proxy trap results, Promise receivers
  'var k = "a", v = 5; k in v', 'var v = "abc"; "a" in v', 'var u; "a" in u', 'var n = null; ({}) in n', 'var s = Symbol("q"), v = 1; s in v',
  'var v = 1; [1, 2] in v', 'var v = 1; (function f() {}) in v', 'var v = -0; 1.5 in v', 'var v = Symbol("z"); "a" in v', 'var v = 7n; "a" in v',
  'var v = 5; 1 instanceof v', 'var v = {}; 1 instanceof v', 'var v = null; 1 instanceof v', '1 instanceof Math', 'class Q {}; var q = new Q; 1 instanceof q',
  'const X = 5; new X', 'let Y = {}; new Y', 'var Z; new Z', 'var a = {b: 1}; new a.b', 'var a = {b: {c: 2}}; new a.b.c', 'var a = {b: 1}; new a["b"]',
  'var f = () => 1; new f', 'function g() { return 1 }; new (g())', 'new Math.max', 'var a = {m() {}}; new a.m', 'new "abc"', 'var a = [1]; new a[0]',
  'new parseInt', 'new Math', 'var o = {x: 5}; new o.x(1, 2)',
  'Promise.all.call(5)', 'Promise.all.call(undefined)', 'Promise.race.call(5)', 'Promise.allSettled.call(null)', 'Promise.any.call("s")',
  'Promise.reject.call(5)', 'Promise.all.call(function () {})',
  'Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 }))', 'Object.keys(new Proxy({}, { ownKeys: () => "ab" }))',
  'Reflect.ownKeys(new Proxy({}, { ownKeys: () => true }))', 'new Proxy({}, { get: 5 }).x', 'var p = new Proxy({}, { has: "yes" }); "x" in p',
  'var p = new Proxy({}, { set: {} }); p.x = 1', 'var p = new Proxy({}, { deleteProperty: true }); delete p.x', 'Object.keys(new Proxy({}, { ownKeys: 1 }))',
  'String(Object.create(null))', 'Object.create(null) + ""', 'var o = { toString() { return {} }, valueOf() { return {} } }; `${o}`',
  // JSON.parse, sobek's parser refusing
  ...jsonTexts.map((t) => `JSON.parse(${JSON.stringify(t)})`),
  'JSON.parse("x".repeat(100))', 'JSON.parse(`{"${"a".repeat(40)}":1,}`)', 'JSON.parse("[" + "1, ".repeat(30) + "x]")', 'JSON.parse("[" + "1, ".repeat(30) + "x, 2, 3, 4, 5, 6, 7, 8, 9, 10]")',
  'JSON.parse(undefined)', 'JSON.parse({})', 'JSON.parse({ toString() { return "{" } })', 'JSON.parse("[1]", () => { JSON.parse("{") })', 'JSON.parse("[1]", () => { new RegExp("(") })',
  'JSON.parse("{\\"a\\": [1, {\\"b\\": tru}]}")', 'JSON.parse("[".repeat(10000))',
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
// a regular expression literal V8 refuses as it parses the script
for (const src of ['/(/', 'x = /[/', '1;\n  y = /)/g', '/a/gg', '/a/z', '/(?<a/', '/[b-a]/', '/\\p{Foo}/u', 'f(/[/)', '/a**/', '/\\/', 'var re = /(/; re'])
  for (const [how, run] of [['script', (c) => new vm.Script(c)], ['compileFunction', (c) => vm.compileFunction(c)], ['Function', (c) => vm.runInNewContext('new Function(c)', { c })]])
    try { run(src); console.log(`${n++}: ${how} ${JSON.stringify(src)} compiles`) } catch (e) { console.log(`${n++}: ${how} ${JSON.stringify(src)} ${e.name}: ${e.message}`) }
// the contextified global refuses to become non-extensible
console.log(`${n++}: ` + vm.runInContext('var out = []; for (const f of [() => Object.preventExtensions(globalThis), () => Reflect.preventExtensions(globalThis), () => Object.freeze(globalThis), () => Object.seal(globalThis)]) try { out.push(String(f())) } catch (e) { out.push(e.name + ": " + e.message) } out.join(" | ")', ctx));
try { Object.preventExtensions(vm.runInContext('globalThis', ctx)) } catch (e) { console.log(`${n++}: main ` + e.message) }
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
