'use strict';
// runAsync lets the host's event loop go on; host functions that return
// promises give the sandbox promises (copies); in-process and in a worker
const { Sandbox } = require('jsvm:sandbox');
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function check(proc) {
  const sb = new Sandbox({ process: proc, timeout: 5000 });
  sb.export('fetchIt', async (x) => { await sleep(30); return { got: x, when: new Date(0) }; });
  sb.export('failLater', (x) => Promise.reject(new TypeError('later ' + x)));
  sb.export('now', (x) => x * 2);
  let fired = false;
  setTimeout(() => { fired = true; }, 1);
  const v = await sb.runAsync(`(async () => {
    const r = await fetchIt('a'); let e;
    try { await failLater('b') } catch (x) { e = x.name + ': ' + x.message + ' ' + (x instanceof TypeError) }
    return [r.got, r.when instanceof Date, now(21), e, fetchIt('c') instanceof Promise] })()`);
  console.log(proc, JSON.stringify(v), 'host timer ran meanwhile:', fired);
  // no synchronous use while a runAsync is in flight (it needs the loop)
  const p = sb.runAsync('new Promise(r => r(1))');
  try { sb.run('1'); } catch (e) { console.log(e.code); }
  console.log(await p);
  // a rejection is copied as a fresh error of the host
  try { await sb.runAsync('Promise.reject(new RangeError("r"))'); } catch (e) { console.log(e instanceof RangeError, e.message); }
  // a host promise that never settles: the sandbox's timeout ends the run
  const t = new Sandbox({ process: proc, timeout: 100 });
  t.export('never', () => new Promise(() => {}));
  try { await t.runAsync('never()'); } catch (e) { console.log(e.code); }
  t.dispose();
  // a sync run's call of an async export: its promise settles at a later runAsync
  sb.run('globalThis.pending = fetchIt("s").then(r => globalThis.got = r.got); 0');
  console.log(await sb.runAsync('pending.then(() => got)'));
  // dispose while a runAsync is in flight: it ends, then the sandbox is gone
  const q = sb.runAsync('fetchIt("d").then(r => r.got)');
  sb.dispose();
  try { sb.run('1'); } catch (e) { console.log(e.code); }
  console.log(await q);
  try { await sb.runAsync('1'); } catch (e) { console.log(e.code); }
}
(async () => { await check(false); await check(true); })();
