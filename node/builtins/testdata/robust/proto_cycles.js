// Prototype cycles through the membrane: V8's cycle check sees through
// contexts (one heap); jsvm's wrappers are Proxies, so the membrane checks.
const vm = require('vm');
function t(name, f) {
  try { const r = f(); console.log(name, 'ok', r); } catch (e) { console.log(name, e.name, e.message); }
}
const b = vm.runInNewContext('({})'), a = {};
t('setPrototypeOf', () => { Object.setPrototypeOf(b, a); Object.setPrototypeOf(a, b); return 'no throw'; });
const b2 = vm.runInNewContext('({})'), a2 = {};
t('__proto__', () => { b2.__proto__ = a2; a2.__proto__ = b2; return 'no throw'; });
const b3 = vm.runInNewContext('({})'), a3 = {};
t('Reflect', () => [Reflect.setPrototypeOf(b3, a3), Reflect.setPrototypeOf(a3, b3)]);
t('after refusals', () => [a.foo, 'foo' in a2, a3.toString === Object.prototype.toString, Object.getPrototypeOf(b) === a].join());
t('guarded functions', () => [Object.setPrototypeOf.name, Object.setPrototypeOf.length, Reflect.setPrototypeOf.name, Object.getOwnPropertyDescriptor(Object.prototype, '__proto__').set.name, String(Object.setPrototypeOf)].join());
t('plain use', () => { const o = {}; o.__proto__ = Array.prototype; Object.setPrototypeOf(o, Map.prototype); return (o instanceof Map) + ' ' + Reflect.setPrototypeOf(o, null) + ' ' + Object.getPrototypeOf(o); });
t('plain cycle', () => { const x = {}, y = Object.create(x); Object.setPrototypeOf(x, y); });
t('plain Reflect cycle', () => { const x = {}, y = Object.create(x); return Reflect.setPrototypeOf(x, y); });
t('non-object', () => Object.setPrototypeOf(1, null));
t('bad proto', () => Object.setPrototypeOf({}, 1));
const c1 = vm.createContext({}), c2 = vm.createContext({});
const x = vm.runInContext('({})', c1), y = vm.runInContext('({})', c2);
t('two contexts', () => { Object.setPrototypeOf(x, y); Object.setPrototypeOf(y, x); return 'no throw'; });
t('two contexts __proto__', () => { const p = vm.runInContext('({})', c1), q = vm.runInContext('({})', c2); p.__proto__ = q; q.__proto__ = p; return 'no throw'; });
t('self via wrapper', () => { const s = vm.runInNewContext('({})'); Object.setPrototypeOf(s, s); });
t('self via wrapper __proto__', () => { const s = vm.runInNewContext('({})'); s.__proto__ = s; });
t('in context', () => vm.runInNewContext('Object.setPrototypeOf(b, a); Object.setPrototypeOf(a, b)', { a: {}, b: {} }));
t('in context __proto__', () => vm.runInNewContext('b.__proto__ = a; a.__proto__ = b', { a: {}, b: {} }));
t('in context longer', () => vm.runInNewContext('Object.setPrototypeOf(b, a); Object.setPrototypeOf(c, b); Object.setPrototypeOf(a, c)', { a: {}, b: {}, c: {} }));
t('after cycle attempt', () => x.foo === undefined && y.foo === undefined && !('foo' in x));
// a deep acyclic chain across many contexts works
let o = {};
const first = o;
for (let i = 0; i < 200; i++) { const n = vm.runInNewContext('({})'); Object.setPrototypeOf(n, o); o = n; }
first.deep = 'found';
t('deep chain lookup', () => o.deep + ' ' + ('deep' in o) + ' ' + ('nope' in o));
t('deep chain cycle', () => { const w = vm.runInNewContext('({})'); Object.setPrototypeOf(first, w); Object.setPrototypeOf(w, o); return 'no throw'; });
t('deep chain still works', () => o.deep);
// Proxy getPrototypeOf traps that return each other (the check stops at a Proxy, as the specification's)
const p1 = new Proxy({}, { getPrototypeOf() { return p2 } }), p2 = new Proxy({}, { getPrototypeOf() { return p1 } });
t('proxy traps', () => Object.getPrototypeOf(p1) === p2);
t('proxy traps in', () => 'x' in Object.create(p1));
t('foreign proxy in a cycle', () => { const fp = vm.runInNewContext('new Proxy({}, {})'); const h = {}; Object.setPrototypeOf(fp, h); return Reflect.setPrototypeOf(h, fp); });
console.log('alive', vm.runInNewContext('1+1'));
