const vm = require('vm');
for (const code of ['delete Reflect', 'delete globalThis.Reflect', 'Reflect = 1', 'globalThis.Reflect = null', 'delete WeakMap; delete globalThis.WeakMap', 'Object.defineProperty(globalThis, "Reflect", { value: 5 })']) {
  const ctx = vm.createContext({});
  try {
    vm.runInContext(code, ctx);
    const o = vm.runInContext('({ a: 1 })', ctx);
    console.log(code, Object.keys(o), vm.isContext(ctx), 'a' in o, vm.runInContext('typeof Reflect', ctx));
  } catch (e) { console.log(code, 'THREW', e.message) }
}
