// Cases of issue #13 (newer vm API, messages and validation, realms), in
// the format of cases.js; Node's output is in fidelity_cases.golden.
module.exports = [
  // vm.constants
  `return [Object.getPrototypeOf(vm.constants) === null, Object.keys(vm.constants).join(), typeof vm.constants.DONT_CONTEXTIFY, vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER.description, vm.constants.DONT_CONTEXTIFY.description]`,
  `return new vm.Script('1', { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }) instanceof vm.Script`,
  `return new vm.Script('1', { importModuleDynamically: 1 })`,
  `return new vm.Script('1', { importModuleDynamically: Symbol('x') })`,
  `return new vm.Script('1', { importModuleDynamically: null })`,
  `return vm.compileFunction('1', [], { importModuleDynamically: 'f' })`,
  `return typeof vm.compileFunction('1', [], { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })`,
  // DONT_CONTEXTIFY
  `const g = vm.createContext(vm.constants.DONT_CONTEXTIFY); return [vm.isContext(g), vm.runInContext('globalThis', g) === g, typeof g.Array, g.Array === Array, vm.runInContext('var v = 3; v', g), g.v]`,
  `return vm.runInNewContext('typeof Array + typeof globalThis', vm.constants.DONT_CONTEXTIFY)`,
  `return new vm.Script('this.Object === Object').runInNewContext(vm.constants.DONT_CONTEXTIFY)`,
  `const a = vm.createContext(vm.constants.DONT_CONTEXTIFY); const b = vm.createContext(vm.constants.DONT_CONTEXTIFY); return a === b`,
  `return vm.createContext(vm.constants.DONT_CONTEXTIFY, { name: 5 })`,
  // sourceMapURL
  `return [new vm.Script('1').sourceMapURL, new vm.Script('1\\n//# sourceMappingURL=m.json').sourceMapURL, new vm.Script('"//# sourceMappingURL=no.json"').sourceMapURL]`,
  `return Object.keys(new vm.Script('1')).join()`,
  // messages
  `return vm.Script('1')`,
  `return vm.runInNewContext('a..b')`,
  `return new vm.Script('1').runInThisContext({ timeout: 2 ** 40 })`,
  `return vm.compileFunction('return a', ['a', 'a']).length`,
  // (node v20 crashes, SIGSEGV, on compileFunction parameters that are not
  // identifiers: ['a,b'], ['a b'], ['1a'], ['a = 1'], ['...a'])
  // options Node ignores or rejects
  `return vm.runInNewContext('1', {}, null)`,
  `return vm.runInNewContext('1', {}, 5)`,
  `return vm.runInNewContext('1', {}, true)`,
  `return vm.runInNewContext('1', {}, () => {})`,
  `return vm.runInNewContext('1', {}, [])`,
  `return new vm.Script('1', null)`,
  `return new vm.Script('1', 5)`,
  `return new vm.Script('1', [])`,
  `return vm.createContext({}, null)`,
  `return vm.createContext({}, [])`,
  `return new vm.Script('1').runInThisContext(null)`,
  `return new vm.Script('1').runInThisContext([])`,
  `return vm.compileFunction('1', [], null)`,
  `return vm.compileFunction('1', null)`,
  // realms
  `const sk = Symbol.for('k'); return vm.runInNewContext('Symbol.for("k") === sk', { sk })`,
  `return vm.runInNewContext('Symbol.for("k2")') === Symbol.for('k2')`,
  `return Symbol.keyFor(vm.runInNewContext('Symbol.for("k3")'))`,
  `const m = vm.runInNewContext('new Map([[1, "one"]])'); return Map.prototype.get.call(m, 1)`,
  `const s = vm.runInNewContext('new Set([1])'); return Set.prototype.has.call(s, 1)`,
  `const d = vm.runInNewContext('new Date(0)'); return Date.prototype.getTime.call(d)`,
  `const r = vm.runInNewContext('/a/g'); return RegExp.prototype.test.call(r, 'a')`,
  `const p = vm.runInNewContext('Promise.resolve(1)'); return typeof Promise.prototype.then.call(p, () => {})`,
  `const t = vm.runInNewContext('new Uint8Array([1, 2])'); return Uint8Array.prototype.join.call(t, '-')`,
  `const f = vm.runInNewContext('(function foo(a) { return a + 1 })'); return Function.prototype.toString.call(f)`,
  `const f = vm.runInNewContext('(function foo(a) { return a + 1 })'); return String(f)`,
  `const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return typeof vm.runInNewContext('p', { p: proxy })`,
  `const t = vm.runInNewContext('new Float64Array(2)'); return [t instanceof Float64Array, Object.getPrototypeOf(t) === Float64Array.prototype]`,
  `const t = new Float64Array(2); return vm.runInNewContext('t instanceof Float64Array', { t })`,
  `const u = new Uint8Array(2); const back = vm.runInNewContext('u[0] = 7; u', { u }); return [back === u, u[0]]`,
  // the context's global
  `return vm.runInNewContext('typeof console')`,
  `return vm.runInNewContext('typeof GoError')`,
  `return vm.runInNewContext('Object.getPrototypeOf(globalThis) === Object.prototype')`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('w = 5', sb); delete sb.w; return vm.runInContext('typeof w', sb)`,
  `const sb = {}; vm.createContext(sb); vm.runInContext('name = 1; var nested = 2; last = 3', sb); return Object.keys(sb).join()`,
  `const sb = {}; vm.createContext(sb); return vm.runInContext('Object.freeze(globalThis); x = 1; typeof x', sb)`,
  `const sb = new Proxy({}, { defineProperty() { return false } }); vm.createContext(sb); return vm.runInContext('var q = 1; typeof q', sb)`,
  `const sb = new Proxy({}, { defineProperty() { return false } }); vm.createContext(sb); return vm.runInContext('"use strict"; Object.defineProperty(globalThis, "z", { value: 1 }); typeof z', sb)`,
];
