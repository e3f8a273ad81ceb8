// #9: prototype walks and forwarding through cyclic Proxies end in V8's RangeError
// (after 102,400 proxies per walk), in the main realm, in contexts and across
// them; the isolate keeps working. Recorded with node v20.
const vm = require('vm');
const src = `
(function () {
  const out = [];
  function t(name, f) { try { out.push(name + ' ok ' + f()) } catch (e) { out.push(name + ' ' + e.constructor.name + ' ' + (e instanceof RangeError) + ' ' + e.message) } }
  function self() { const o = {}; const p = new Proxy(o, {}); Object.setPrototypeOf(o, p); return o; }
  let n = 0;
  const a = new Proxy({}, { getPrototypeOf() { n++; return b } });
  const b = new Proxy({}, { getPrototypeOf() { n++; return a } });
  t('get', () => self().x);
  t('set', () => { self().x = 1; return 'set' });
  t('in', () => 'x' in self());
  t('hasOwn', () => Object.hasOwn(self(), 'x'));
  t('String', () => String(self()));
  t('instanceof', () => self() instanceof function F() {});
  t('isPrototypeOf', () => Object.prototype.isPrototypeOf.call(Array.prototype, self()));
  t('cycle instanceof', () => a instanceof Object); out.push(n); n = 0;
  t('cycle isPrototypeOf', () => Object.prototype.isPrototypeOf(a)); out.push(n); n = 0;
  t('cycle for-in', () => { for (const k in a); }); out.push(n); n = 0;
  t('bound instanceof', () => a instanceof (function G() {}).bind(null)); out.push(n); n = 0;
  t('hasInstance call', () => Function.prototype[Symbol.hasInstance].call(Object, a)); out.push(n); n = 0;
  t('after', () => [1, 2, 3].map(x => x * 2).join());
  return out.join('\\n');
})()`;
console.log('-- main'); console.log(eval(src));
console.log('-- context'); console.log(vm.runInNewContext(src));
console.log('-- context with timeout'); console.log(vm.runInNewContext(src, {}, { timeout: 20000 }));
// cross realm: main proxies walked in a context
const c = vm.createContext({ });
let m = 0;
const A = new Proxy({}, { getPrototypeOf() { m++; return B } });
const B = new Proxy({}, { getPrototypeOf() { m++; return A } });
c.A = A;
for (const code of ['A instanceof Object', 'Object.prototype.isPrototypeOf(A)', '"x" in A', 'A.x']) {
  m = 0;
  try { console.log(code, vm.runInContext(code, c)) } catch (e) { console.log(code, e.constructor.name, e.message, m > 0) }
}
// context proxies walked in main
const P = vm.runInContext('var n = 0; var a = new Proxy({}, { getPrototypeOf() { n++; return b } }); var b = new Proxy({}, { getPrototypeOf() { n++; return a } }); a', c);
for (const f of [() => P instanceof Object, () => Object.prototype.isPrototypeOf(P), () => { for (const k in P); }]) {
  try { console.log(f()) } catch (e) { console.log(e.constructor.name, e.message, c.n) }
}
console.log('alive', vm.runInContext('1 + 1', c));
