// --vm-api=v25: a contextified global lists every own key of its sandbox,
// as Node v22+'s enumerator interceptor (Node main's test-vm-ownkeys,
// -ownpropertynames, -ownpropertysymbols, -global-property-enumerator;
// no Node v25 runs here). Node v20 lists only enumerable names, along
// the prototype chain.
const vm = require('vm');
const s1 = Symbol('s1');
const s2 = Symbol('s2');
const sandbox = { __proto__: { inherited: 1 }, a: 1, [s1]: 1 };
Object.defineProperty(sandbox, 'hidden', { value: 1 });
Object.defineProperty(sandbox, s2, { value: 1 });
const ctx = vm.createContext(sandbox);
const native = new Set(vm.runInNewContext('Reflect.ownKeys(this)'));
const rest = (keys) => keys.filter((k) => !native.has(k)).map(String).join();
console.log('ownKeys', rest(vm.runInContext('Reflect.ownKeys(this)', ctx)));
console.log('names', rest(vm.runInContext('Object.getOwnPropertyNames(this)', ctx)));
console.log('symbols', rest(vm.runInContext('Object.getOwnPropertySymbols(this)', ctx)));
console.log('keys', vm.runInContext('Object.keys(this)', ctx).join());
console.log('for-in has inherited', vm.runInContext('var r = []; for (var k in this) r.push(k); r.includes("inherited")', ctx));
// a Proxy sandbox: its ownKeys trap is asked; a throwing trap throws
let asked = 0;
const px = vm.createContext(new Proxy({ p: 1 }, { ownKeys(t) { asked++; return Reflect.ownKeys(t); } }));
console.log('proxy', rest(vm.runInContext('Reflect.ownKeys(this)', px)), asked > 0);
const bad = vm.createContext(new Proxy({}, { ownKeys() { throw new RangeError('trap'); } }));
try { vm.runInContext('Reflect.ownKeys(this)', bad); } catch (e) { console.log('throwing trap', e.name, e.message); }
// a key defined after creation, and one deleted
sandbox.later = 1;
delete sandbox.a;
console.log('after', rest(vm.runInContext('Object.getOwnPropertyNames(this)', ctx)));
