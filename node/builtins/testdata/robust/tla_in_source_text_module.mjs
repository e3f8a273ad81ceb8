// Flags: --experimental-vm-modules
import vm from 'vm';
new vm.SourceTextModule(''); // the ExperimentalWarning first, at the same place as node
await new Promise(r => setTimeout(r, 1));
const ctx = vm.createContext({ log: console.log });
const m = new vm.SourceTextModule('await null; log("in module"); throw new TypeError("after await")', { context: ctx });
await m.link(() => {});
try {
  await m.evaluate();
} catch (e) {
  console.log('caught', e.name, e.message, m.status, m.error === e);
}
const m2 = new vm.SourceTextModule('await new Promise(r => r()); throw 7');
await m2.link(() => {});
await m2.evaluate().catch(e => console.log('caught', e));
const m3 = new vm.SourceTextModule('await null; throw new Error("uncaught from module")');
await m3.link(() => {});
await m3.evaluate();
