// Flags: --experimental-vm-modules
import vm from 'vm';
// (a revoked Proxy's message is sobek's, not V8's: left out)
new vm.SourceTextModule('');
await new Promise(r => setTimeout(r, 1));
const throwing = () => new Proxy({}, { get() { throw new Error('trap') } });
const revoked = () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; };
const thenThrows = () => ({ get then() { throw new Error('then getter') } });
const ctorThrows = () => ({ get constructor() { throw new Error('constructor getter') } });
for (const [name, make] of Object.entries({ throwing, revoked, thenThrows, ctorThrows })) {
  const m = new vm.SourceTextModule('import x from "dep"');
  try { await m.link(() => make()); console.log(name, 'linked'); } catch (e) { console.log(name, 'link', e.name, e.code, name === 'revoked' ? '' : e.message); }
  try { await m.link(async () => make()); console.log(name, 'linked'); } catch (e) { console.log(name, 'link again', e.name, e.code, name === 'revoked' ? '' : e.message); }
  const m2 = new vm.SourceTextModule('import x from "dep"');
  try { await m2.link(async () => make()); console.log(name, 'linked'); } catch (e) { console.log(name, 'async link', e.name, e.code, name === 'revoked' ? '' : e.message); }
  const m3 = new vm.SourceTextModule('export default import("x")', { importModuleDynamically: () => make() });
  await m3.link(() => {});
  await m3.evaluate();
  try { await m3.namespace.default; console.log(name, 'imported'); } catch (e) { console.log(name, 'module import()', e.name, e.code, name === 'revoked' ? '' : e.message); }
  const s = new vm.Script('import("x")', { importModuleDynamically: () => make() });
  try { await s.runInThisContext(); console.log(name, 'imported'); } catch (e) { console.log(name, 'script import()', e.name, e.code, name === 'revoked' ? '' : e.message); }
  const f = vm.compileFunction('return import("x")', [], { importModuleDynamically: () => make() });
  try { await f(); console.log(name, 'imported'); } catch (e) { console.log(name, 'function import()', e.name, e.code, name === 'revoked' ? '' : e.message); }
  const ctx = vm.createContext({});
  try { await vm.runInContext('import("x")', ctx, { importModuleDynamically: () => make() }); console.log(name, 'imported'); } catch (e) { console.log(name, 'context import()', e.name, e.code, name === 'revoked' ? '' : e.message); }
}
console.log('alive', vm.runInNewContext('1+1'));
