// What a contextified global's own properties hold for the sandbox: writes
// and var declarations reach V8's global too (a value stays when the
// sandbox loses it), in the format of cases.js; Node's output is in
// global_cases.golden. jsvm keeps them off sobek's global (core ownProps).
module.exports = [
  `const sb = {}; vm.createContext(sb); vm.runInContext('for (var i = 0; i < 30; i++) globalThis["k" + i] = i; var d1, d2 = 3;', sb); for (let i = 0; i < 30; i += 3) delete sb['k' + i]; return vm.runInContext('[k0, k1, k3, typeof k29, k29, d1, d2, Object.getOwnPropertyNames(globalThis).filter(k => /^k|^d\\\\d/.test(k)).join()]', sb)`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('x = 1', sb); delete sb.x; vm.runInContext('delete globalThis.x', sb); const a = vm.runInContext('typeof x', sb); vm.runInContext('x = 2', sb); delete sb.x; return [a, vm.runInContext('x', sb), Object.keys(sb).join()]`,
  `const sb = { a: 1 }; vm.createContext(sb); vm.runInContext('w = 1', sb); delete sb.w; Object.preventExtensions(sb); return vm.runInContext('w = 7; const r = [w, JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "w"))]; Object.defineProperty(globalThis, "w", { value: 9, writable: false }); r.push(w, JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "w"))); r', sb)`,
  `const sb = {}; vm.createContext(sb); Object.preventExtensions(sb); return vm.runInContext('n = 5; var m = 6; [n, m, "n" in globalThis, Object.keys(globalThis).includes("n")]', sb)`,
  `const sb = new Proxy({}, { defineProperty() { return false }, set() { return false } }); vm.createContext(sb); return vm.runInContext('var q = 1; z = 2; [q, z, typeof q, Object.getOwnPropertyNames(globalThis).filter(k => k === "q" || k === "z").join()]', sb)`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('var v = 1', sb); delete sb.v; return [vm.runInContext('typeof v', sb), vm.runInContext('delete globalThis.v', sb), vm.runInContext('v', sb), 'v' in sb]`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('var u', sb); return ['u' in sb, vm.runInContext('"u" in globalThis', sb), vm.runInContext('JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "u"))', sb), vm.runInContext('u = undefined; "u"', sb), 'u' in sb, vm.runInContext('u = 0', sb), sb.u]`,
  `const sb = { s: 1 }; vm.createContext(sb); vm.runInContext('var a = 1; b = 2; var c', sb); delete sb.b; return vm.runInContext('const r = []; for (const k in globalThis) r.push(k); r.join()', sb)`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('var a = 1; b = 2;', sb); delete sb.a; delete sb.b; return vm.runInContext('[Object.keys(globalThis).join(), Object.getOwnPropertyNames(globalThis).slice(-2).join(), a, b, Reflect.has(globalThis, "b"), Reflect.deleteProperty(globalThis, "b"), typeof b]', sb)`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('"use strict"; var s1 = 1; globalThis.s2 = 2', sb); return [Object.keys(sb).join(), vm.runInContext('s1 + s2', sb)]`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('function f() { return 1 } var f2 = function () {}', sb); delete sb.f2; return [Object.keys(sb).join(), vm.runInContext('typeof f + typeof f2', sb)]`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('eval("var ev = 1")', sb); const a = Object.keys(sb).join(); vm.runInContext('delete globalThis.ev', sb); return [a, vm.runInContext('typeof ev', sb)]`,
  `const sb = { g: 0 }; vm.createContext(sb); const s = new vm.Script('g = g + 1'); for (let i = 0; i < 5; i++) s.runInContext(sb); delete sb.g; return vm.runInContext('g', sb)`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('var a; b = 1', sb); const names = vm.runInContext('Object.getOwnPropertyNames(globalThis)', sb); return [names.indexOf('a') > names.indexOf('console'), names.indexOf('a') > names.indexOf('WeakRef'), names.indexOf('b') < names.indexOf('Object')]`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('o = { big: 1 }', sb); delete sb.o; return vm.runInContext('o.big', sb)`,
];
