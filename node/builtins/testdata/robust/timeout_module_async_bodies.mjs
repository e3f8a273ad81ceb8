// Flags: --experimental-vm-modules
import vm from 'vm';
new vm.SourceTextModule('');
await new Promise(r => setTimeout(r, 1));
const ctx = vm.createContext({});
async function t(name, src, opts) {
  const m = new vm.SourceTextModule(src, { context: ctx });
  await m.link(() => {});
  try { await m.evaluate(opts); console.log(name, 'evaluated', m.status); } catch (e) { console.log(name, e.name, e.code, e.message, m.status); }
}
await t('sync loop', 'for(;;){}', { timeout: 50 });
await t('async fn loop', '(async () => { for(;;){} })()', { timeout: 50 });
await t('async fn try', '(async () => { try { for(;;){} } catch (e) { globalThis.caught = e } })()', { timeout: 50 });
await t('after', 'globalThis.ok = [1,2].map(x => x + 1).join()', { timeout: 50 });
console.log(vm.runInContext('ok + " " + typeof caught', ctx));
console.log(vm.runInContext('(async () => 5)()', ctx, { timeout: 50 }) instanceof Promise);
setTimeout(() => console.log('timer after'), 1);
