// Node v10's vm.SourceTextModule API (jsvm --vm-api=v10). The expected
// output (api.out) follows the v10.22.1 documentation: there is no Node v10
// here to record it.
const vm = require('vm');
(async () => {
  console.log(typeof vm.SourceTextModule, typeof vm.SyntheticModule, typeof vm.Module);
  const m = new vm.SourceTextModule('import d from "dep"; d * 2;', { url: 'vm:root' });
  console.log(m.url, m.status, m.linkingStatus);
  try { m.instantiate(); } catch (e) { console.log(e.code, e.message); }
  try { m.namespace; } catch (e) { console.log(e.code, e.message); }
  const dep = new vm.SourceTextModule('export default 21;');
  const p = m.link(() => dep);
  console.log(m.linkingStatus);
  await p;
  console.log(m.status, m.linkingStatus, dep.linkingStatus);
  try { await m.evaluate(); } catch (e) { console.log(e.code, e.message); }
  m.instantiate();
  m.instantiate();
  console.log(m.status, dep.status);
  const r = await m.evaluate();
  console.log(r.result, m.status, dep.status);
  console.log((await m.evaluate()).result);
  try { await m.link(() => dep); } catch (e) { console.log(e.code, e.message); }
  const bad = new vm.SourceTextModule('import "x";');
  try { await bad.link(() => { throw new Error('nope'); }); } catch (e) { console.log(e.message, bad.linkingStatus, bad.status); }
  const c = vm.createContext({ n: 1 });
  const cm = new vm.SourceTextModule('n + 1', { context: c });
  await cm.link(() => {});
  cm.instantiate();
  console.log(cm.url, (await cm.evaluate()).result);
})();
