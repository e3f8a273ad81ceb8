// Cases of issue #9 (limits): each line is what node prints; the Go test
// (limits_test.go) runs this file in jsvm and compares.
'use strict';
const vm = require('vm');
const show = (e) => (e && typeof e === 'object' ? `${e.name}: ${e.message}` : String(e));
const t = (name, f) => { try { console.log(name, '->', String(f())); } catch (e) { console.log(name, 'throws', show(e)); } };

// stack overflow: catchable at the vm boundary, one budget per isolate
t('overflow in context', () => vm.runInNewContext('function f() { return f() } f()'));
t('overflow instanceof', () => { try { vm.runInNewContext('function f() { return f() } f()') } catch (e) { return e instanceof RangeError } });
t('new context each level', () => { function r() { return vm.runInNewContext('r()', { r }) } return r() });
const c = vm.createContext({});
t('same context each level', () => { c.r = function r() { return vm.runInContext('r()', c) }; return c.r() });
t('getter across realms', () => { const o = {}; c.o = o; Object.defineProperty(o, 'x', { get() { return vm.runInContext('o.x', c) } }); return o.x });
t('function across realms', () => { const f = vm.runInContext('(function (g) { return g(g) })', c); function g(h) { return f(g) } return g(g) });
t('toString across realms', () => { const o = { toString() { return vm.runInContext('String(o)', c) } }; c.o = o; return String(o) });
t('proxy traps across realms', () => { const p = vm.runInContext('(function (h) { return new Proxy({}, { get(t, k) { return h[k] } }) })', c); let q; const h = new Proxy({}, { get(t, k) { return q[k] } }); q = p(h); return q.x });
t('works after', () => vm.runInNewContext('function d(n) { return n ? d(n - 1) + 1 : 0 } d(3000)'));

// nesting too deep for the parser
for (const [a, b] of [['(', ')'], ['[', ']'], ['{', '}'], ['`${', '}`']]) {
  t('Script ' + a, () => new vm.Script(a.repeat(1e6)));
  t('compileFunction ' + a, () => vm.compileFunction(a.repeat(1e6)));
  t('shallow ' + a, () => vm.runInNewContext(a.repeat(100) + '1' + b.repeat(100)) !== undefined);
}
// sources parsed inside a realm: eval, indirect eval, the Function
// constructors, of this realm and of others; the realm's code catches
const deep = '['.repeat(1e6);
globalThis.deepSource = deep;
for (const code of ['eval(deepSource)', '(0, eval)(deepSource)', 'new Function(deepSource)', 'Function(deepSource, "")',
  '(function* () {}).constructor(deepSource)', '(async function () {}).constructor(deepSource)', 'eval("eval(deepSource)")']) {
  t(code + ' (main)', () => eval(code));
  t(code + ' (context)', () => vm.runInNewContext(code, { deepSource: deep }));
  t(code + ' (caught inside)', () => vm.runInNewContext('try { ' + code + ' } catch (e) { e instanceof RangeError }', { deepSource: deep }));
  t(code + ' (timeout)', () => vm.runInNewContext(code, { deepSource: deep }, { timeout: 1000 }));
  t(code + ' (this context)', () => vm.runInThisContext(code));
}
t('Function of another realm', () => vm.runInNewContext('Function')(deep));
t('Function of the main realm in a context', () => vm.runInNewContext('(F, d) => F(d)')(Function, deep));
t('direct eval keeps its scope', () => vm.runInNewContext('(function () { var x = 41; return eval("x + 1") })()'));
t('direct eval keeps its scope (main)', () => (function () { var x = 41; return eval('x + 1') })());
t('eval works after', () => vm.runInNewContext('eval("[[[1]]]")[0][0][0] + new Function("return 1")()'));
t('nesting in strings', () => vm.runInNewContext("'" + '('.repeat(3e4) + "'.length"));

// JSON.stringify of deep nesting: V8's RangeError (sobek's was quadratic)
const nestObj = (n) => { let o = {}; for (let i = 0; i < n; i++) o = { a: o }; return o };
const nestArr = (n) => { let o = []; for (let i = 0; i < n; i++) o = [o]; return o };
for (const n of [1000, 1e5]) {
  t('stringify object ' + n, () => JSON.stringify(nestObj(n)).length);
  t('stringify array ' + n, () => JSON.stringify(nestArr(n)).length);
  t('stringify in context ' + n, () => vm.runInNewContext('JSON.stringify(o).length', { o: nestObj(n) }));
  t('stringify of context ' + n, () => vm.runInNewContext('let o = {}; for (let i = 0; i < n; i++) o = [o]; try { JSON.stringify(o).length } catch (e) { e instanceof RangeError }', { n }));
  t('stringify replacer ' + n, () => JSON.stringify(nestObj(n), (k, v) => v).length);
  t('stringify toJSON ' + n, () => { let o = {}; for (let i = 0; i < n; i++) { const p = o; o = { toJSON() { return { a: p } } } } return JSON.stringify(o).length });
  t('stringify replacer nests ' + n, () => { let d = 0; return JSON.stringify({}, (k, v) => (d++ < n ? { a: 1 } : v)).length });
}
t('stringify timeout', () => vm.runInNewContext('let o = {}; for (let i = 0; i < 1e5; i++) o = { a: o }; JSON.stringify(o)', {}, { timeout: 5000 }));
t('stringify replacer this', () => { const seen = []; JSON.stringify({ a: { b: [1] } }, function (k, v) { seen.push(k + ':' + typeof this + ':' + Object.keys(this)); return v }); return seen.join(' ') });
t('stringify replacer changes', () => JSON.stringify({ a: 1, b: { c: 2 } }, (k, v) => typeof v === 'number' ? v * 10 : v));
t('stringify replacer returns objects', () => JSON.stringify({ a: 1 }, (k, v) => k === 'a' ? { x: [1, { y: 2 }] } : v));
t('stringify array replacer', () => JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c']));
t('stringify proxy array replacer', () => JSON.stringify({ a: 1, b: 2 }, new Proxy(['a'], {})));
t('stringify space', () => JSON.stringify({ a: [1, { b: 2 }] }, null, 2));
t('stringify space string', () => JSON.stringify({ a: [1] }, undefined, '--'));
t('stringify cycle', () => { const o = {}; o.o = o; try { JSON.stringify(o) } catch (e) { return e instanceof TypeError } });
t('stringify cycle replacer', () => { const o = {}; o.o = o; try { JSON.stringify(o, (k, v) => v) } catch (e) { return e instanceof TypeError } });
t('stringify primitives', () => [JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify({ a: Symbol(), b: [Symbol()] }), JSON.stringify([new Number(1), new String('s'), new Boolean(false)]), JSON.stringify({ a: 1 }, 5)].join(' '));
t('stringify bigint', () => JSON.stringify({ a: 1n }));
t('stringify replacer throws', () => JSON.stringify({ a: 1 }, () => { throw new TypeError('boom') }));
t('stringify shape', () => [JSON.stringify.name, JSON.stringify.length, JSON.stringify(Object.getOwnPropertyDescriptor(JSON, 'stringify'), (k, v) => typeof v === 'function' ? typeof v : v)].join());
t('stringify shape (context)', () => vm.runInNewContext('[JSON.stringify.name, JSON.stringify.length, JSON.stringify(Object.getOwnPropertyDescriptor(JSON, "stringify"), (k, v) => typeof v === "function" ? typeof v : v)].join()'));
t('stringify dag', () => { const x = { q: 1 }; return JSON.stringify({ a: x, b: [x, x] }) });

// regular expression literals of compileFunction bodies are checked
for (const body of ['/(/', 'return /(/', '/a/gg', 'return /(a)\\1/.test("aa")', 'return [/x/g.flags, /(y)/.exec("y")[1]]']) {
  t('compileFunction ' + JSON.stringify(body), () => { const f = vm.compileFunction(body); return typeof f === 'function' && String(f()) });
}

// contextExtensions past the engine's 256 nested scopes
for (const n of [3, 300]) {
  const exts = Array.from({ length: n }, (_, i) => ({ ['v' + i]: i, x: i }));
  t('contextExtensions read ' + n, () => vm.compileFunction('return [x, v0, v' + (n - 1) + ', typeof nope, typeof toString]', [], { contextExtensions: exts })());
  t('contextExtensions write ' + n, () => { vm.compileFunction('x = 99; v0 = 7', [], { contextExtensions: exts })(); return [exts[n - 1].x, exts[0].x, exts[0].v0] });
  t('contextExtensions getter this ' + n, () => { const e = { get g() { return this === e } }; return vm.compileFunction('return g', [], { contextExtensions: [...exts, e] })() });
  t('contextExtensions params shadow ' + n, () => vm.compileFunction('return x', ['x'], { contextExtensions: exts })(42));
  t('contextExtensions globals ' + n, () => vm.compileFunction('return typeof Array + typeof globalThis', [], { contextExtensions: exts })());
  t('contextExtensions in context ' + n, () => vm.compileFunction('return x + typeof Array', [], { contextExtensions: exts, parsingContext: vm.createContext({}) })());
}
t('contextExtensions 1000', () => vm.compileFunction('return x + y', [], { contextExtensions: [...Array.from({ length: 1000 }, (_, i) => ({ x: i })), { y: 1 }] })());

// thrown Proxies leave a run as they are (their traps are not run)
t('thrown revoked proxy', () => { try { vm.runInNewContext('const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy') } catch (e) { return typeof e + ' ' + (() => { try { return Object.keys(e) } catch (e2) { return 'revoked ' + e2.constructor.name } })() } });
t('thrown proxy, getPrototypeOf throws', () => { try { vm.runInNewContext('throw new Proxy({}, { getPrototypeOf() { throw new Error("trap") } })') } catch (e) { return typeof e } });
t('thrown revoked proxy (this context)', () => { try { vm.runInThisContext('const r2 = Proxy.revocable({}, {}); r2.revoke(); throw r2.proxy') } catch (e) { return typeof e } });
t('thrown revoked function proxy', () => { try { vm.runInNewContext('const r = Proxy.revocable(function () {}, {}); r.revoke(); throw r.proxy') } catch (e) { return typeof e } });

// V8's size limits
for (const code of ['new ArrayBuffer(2**40)', 'new ArrayBuffer(-1)', 'new Uint8Array(2**40)', 'new Float64Array(2**37)', 'new Uint8Array(-1)',
  "'x'.repeat(2**40)", "'ab'.padStart(2**31)", "'ab'.padEnd(2**29)", "Array(2**30).join('ab')", 'new DataView(new ArrayBuffer(2**40))',
  "[new ArrayBuffer(4) instanceof ArrayBuffer, new Uint8Array(2).buffer.constructor === ArrayBuffer, Uint8Array.from([1, 2]).length, 'ab'.repeat(2), [1, 2].join('-')].join()"]) {
  t(code, () => vm.runInNewContext(code));
  t(code + ' (main)', () => eval(code));
  t(code + ' (timeout)', () => vm.runInNewContext(code, {}, { timeout: 1000 }));
}

// line and column offsets answer at once (no padding of 2**31 lines);
// V8 wraps lines past 2**31 in int32, so only the message is compared there
for (const o of [{ lineOffset: 2147483647 }, { lineOffset: -2147483648 }]) {
  t('Script offsets ' + JSON.stringify(o), () => new vm.Script('(', o));
  t('compileFunction offsets ' + JSON.stringify(o), () => vm.compileFunction('(', [], o));
}
for (const o of [{ columnOffset: 2147483647 }, { lineOffset: -5 }, { lineOffset: 3, columnOffset: 4 }, { columnOffset: -3 }]) {
  t('Script position ' + JSON.stringify(o), () => { try { new vm.Script('a\n(', o) } catch (e) { return e.stack.split('\n')[0] } });
  t('compileFunction position ' + JSON.stringify(o), () => { try { vm.compileFunction('(', [], o) } catch (e) { return e.stack.split('\n')[0] } });
}

// a thrown value's getters: not read by the vm (message), bounded by the timeout
t('throw getter message', () => { try { vm.runInNewContext('throw { get message() { for (;;) {} } }', {}, { timeout: 100 }) } catch (e) { return typeof e } });
t('after', () => vm.runInNewContext('1 + 1', {}, { timeout: 100 }));
