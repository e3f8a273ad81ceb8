// Objects of a context whose builtins its code replaced look as they are to the host:
// the membrane uses the intrinsics it captured, never the context's live methods.
const vm = require('vm');
const util = require('util');
function show(name, v) {
  let keys, json, insp;
  try { keys = JSON.stringify(Object.keys(v)) } catch (e) { keys = 'throws ' + e.message }
  try { json = JSON.stringify(v) } catch (e) { json = 'throws ' + e.message }
  // (util.inspect still reads a context's live Object.getOwnPropertyDescriptor: left out there)
  try { insp = name === 'Object.getOwnPropertyDescriptor' ? '-' : util.inspect(v) } catch (e) { insp = 'throws ' + e.message }
  console.log(name, keys, json, insp.replace(/\n\s*/g, ' '));
}
const tamper = {
  'Array.prototype[Symbol.iterator]': 'Array.prototype[Symbol.iterator] = function* () {}',
  'Object.keys': 'Object.keys = () => ["fake"]',
  'Reflect.ownKeys': 'Reflect.ownKeys = () => ["fake"]',
  'Reflect.get': 'Reflect.get = () => "fake"',
  'Reflect.has': 'Reflect.has = () => true',
  'Reflect.set': 'Reflect.set = () => false',
  'Reflect.getOwnPropertyDescriptor': 'Reflect.getOwnPropertyDescriptor = () => ({ value: "fake", configurable: true, enumerable: true, writable: true })',
  'Reflect.defineProperty': 'Reflect.defineProperty = () => false',
  'Reflect.apply': 'Reflect.apply = () => "fake"',
  'Reflect.construct': 'Reflect.construct = () => ({fake: 1})',
  'Reflect.getPrototypeOf': 'Reflect.getPrototypeOf = () => null',
  'Reflect.setPrototypeOf': 'Reflect.setPrototypeOf = () => false',
  'Reflect.deleteProperty': 'Reflect.deleteProperty = () => false',
  'Reflect.isExtensible': 'Reflect.isExtensible = () => false',
  'Reflect.preventExtensions': 'Reflect.preventExtensions = () => false',
  'delete Reflect': 'delete globalThis.Reflect',
  'Function.prototype.call': 'Function.prototype.call = () => "fake"',
  'Function.prototype.apply': 'Function.prototype.apply = () => "fake"',
  'Function.prototype.bind': 'Function.prototype.bind = () => () => "fake"',
  'Symbol.hasInstance': 'Object.defineProperty(Function.prototype, Symbol.hasInstance, { value: () => true })',
  'Object.getOwnPropertyDescriptor': 'Object.getOwnPropertyDescriptor = () => undefined',
  'Object.defineProperty': 'Object.defineProperty = () => { throw new Error("fake") }',
  'Promise.prototype.then': 'Promise.prototype.then = function () { return "fake" }',
  'Array.prototype.push': 'Array.prototype.push = () => 0',
  'Object.prototype.hasOwnProperty': 'Object.prototype.hasOwnProperty = () => false',
  'Object.prototype getters': 'Object.defineProperty(Object.prototype, "then", { get() { throw new Error("then getter") } })',
  'Array.prototype.map': 'Array.prototype.map = () => []',
  'Object.entries': 'Object.entries = () => []',
  'Object.freeze': 'Object.freeze = () => { throw new Error("fake") }',
  'Error': 'Error = function () { return {} }',
  'Object.getPrototypeOf': 'Object.getPrototypeOf = () => null',
};
for (const [name, code] of Object.entries(tamper)) {
  const ctx = vm.createContext({});
  try {
    vm.runInContext(code, ctx);
    const o = vm.runInContext('({ a: 1, b: [1, 2] })', ctx);
    show(name, o);
    const arr = vm.runInContext('[1, 2, 3]', ctx);
    console.log(' arr', Array.isArray(arr), arr.length, [...arr].join(), arr.map(x => x * 2).join());
    const f = vm.runInContext('(function f(x) { return x * 2 })', ctx);
    console.log(' fn', f(21), f.call(null, 2), new (vm.runInContext('(class C { constructor() { this.c = 1 } })', ctx))().c);
    console.log(' in', 'a' in o, o.a, Object.getPrototypeOf(o) !== null, o instanceof Object);
    const p = vm.runInContext('Promise.resolve(7)', ctx);
    console.log(' promise', typeof p.then);
    o.z = 5; console.log(' set', o.z, delete o.z, Object.getOwnPropertyDescriptor(o, 'a').value);
  } catch (e) {
    console.log(name, 'THREW', e.name, e.message);
  }
}
console.log('alive', vm.runInNewContext('1+1'));
