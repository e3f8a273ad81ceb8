// #9: Promise.resolve of non-promise objects reads no constructor (V8): a throwing
// or revoked Proxy gives a rejected promise, not a synchronous throw. Recorded with node v20.
const vm = require('vm');
const log = [];
const tracing = (t, name) => new Proxy(t, { get(tg, k, r) { log.push(name + ' get ' + String(k)); return Reflect.get(tg, k, r) } });
const out = [];
const cases = {
  plain: () => Promise.resolve({ a: 1 }).then(v => 'fulfilled ' + v.a),
  ctorIsPromise: () => { const o = { constructor: Promise }; const p = Promise.resolve(o); return p === o ? 'same' : p.then(v => 'fulfilled ' + (v === o)) },
  tracing: () => { log.length = 0; return Promise.resolve(tracing({ x: 1 }, 'p')).then(v => 'fulfilled ' + log.join()) },
  tracingThenable: () => { log.length = 0; return Promise.resolve(tracing({ then(r) { r(5) } }, 'p')).then(v => 'fulfilled ' + v + ' ' + log.join()) },
  thenable: () => Promise.resolve({ then(res) { res('t') } }).then(v => 'fulfilled ' + v),
  thenThrows: () => Promise.resolve({ get then() { throw new Error('then getter') } }).then(v => 'fulfilled', e => 'rejected ' + e.message),
  ctorGetterThrows: () => Promise.resolve({ get constructor() { throw new Error('ctor getter') } }).then(v => 'fulfilled', e => 'rejected ' + e.message),
  promise: () => { const p = Promise.resolve(1); return (Promise.resolve(p) === p) + '' },
  subclass: () => { class P extends Promise {} const r = P.resolve({ q: 1 }); return (r instanceof P) + ' ' + (r.constructor === P) },
  subclassOfPromise: () => { class P extends Promise {} const p = Promise.resolve(1); return (P.resolve(p) === p) + '' },
  nonCtorThis: () => { try { Promise.resolve.call({}, {}); return 'no throw' } catch (e) { return e.constructor.name + ' ' + e.message } },
  primitiveThis: () => { try { Promise.resolve.call(1, {}); return 'no throw' } catch (e) { return e.constructor.name + ' ' + e.message } },
  badExecutor: () => { function C(ex) { ex(1, 2) } try { Promise.resolve.call(C, {}); return 'no throw' } catch (e) { return e.constructor.name + ' ' + e.message } },
  twiceExecutor: () => { function C(ex) { ex(undefined, undefined); ex(() => {}, () => {}); this.ok = 1 } try { return JSON.stringify(Promise.resolve.call(C, {})) } catch (e) { return e.constructor.name + ' ' + e.message } },
  customCtor: () => { let got; function C(ex) { ex(v => { got = v }, () => {}) } const r = Promise.resolve.call(C, { z: 1 }); return (r instanceof C) + ' ' + got.z },
  resolveThrows: () => { function C(ex) { ex(() => { throw new Error('res throws') }, () => {}) } try { Promise.resolve.call(C, {}); return 'no throw' } catch (e) { return e.constructor.name + ' ' + e.message } },
  otherRealm: () => { const p = vm.runInNewContext('Promise.resolve(7)'); const r = Promise.resolve(p); return (r === p) + ' ' + (r instanceof Promise) },
  otherRealmObj: () => { const o = vm.runInNewContext('({ then(r) { r(8) } })'); return Promise.resolve(o).then(v => 'fulfilled ' + v) },
  inContext: () => vm.runInNewContext('Promise.resolve(new Proxy({}, { get(t, k) { throw new Error("ctx trap " + String(k)) } })).then(() => "f", e => "rejected " + e.message)'),
  allTracing: () => { log.length = 0; return Promise.all([tracing({ y: 1 }, 'a')]).then(v => 'fulfilled ' + log.join()) },
  name: () => Promise.resolve.name + ' ' + Promise.resolve.length + ' ' + String(Promise.resolve),
};
(async () => {
  for (const [name, f] of Object.entries(cases)) {
    try { console.log(name, await f()) } catch (e) { console.log(name, 'threw', e && e.message) }
  }
  console.log('alive', await Promise.resolve([1, 2].map(x => x * 2).join()));
})();
