// inspect reads a context's own intrinsics as they were before its code
// ran: replacing Object/Reflect methods in the context changes nothing
const util = require('util');
const vm = require('vm');
const c = vm.createContext({});
vm.runInContext('Object.getOwnPropertyDescriptor = () => undefined; Reflect.ownKeys = () => []; Reflect.has = () => false; Object.keys = () => []; Object.hasOwn = () => false', c);
console.log(vm.runInContext('({ a: 1, b: [1, 2], m: new Map([[1, 2]]), s: new Set([3]), get g() { return 1 } })', c));
console.log(util.inspect(vm.runInContext('[1, , 3]', c)), util.inspect(vm.runInContext('new Error("in context")', c)).split('\n')[0]);
// the main realm's too
const saved = Reflect.ownKeys;
Reflect.ownKeys = () => [];
console.log({ x: 1, [Symbol('s')]: 2 });
Reflect.ownKeys = saved;
// a context whose code replaces them before its first use of Reflect
const d = vm.createContext({});
vm.runInContext('Reflect.ownKeys = function () { throw new Error("trap") }', d);
console.log(vm.runInContext('({ k: "v" })', d));
