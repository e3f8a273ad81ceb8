const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
// callbacks log into a list printed sorted at the end: what each sees is
// checked, not the order timers happen to fire in
const seen = [];
const log = (...a) => seen.push(a.map((x) => JSON.stringify(x)).join(' '));
// printed once every callback has logged (a fixed delay is flaky under load)
const expected = 14;
(function wait() { if (seen.length < expected) { setTimeout(wait, 20); return; } seen.sort(); for (const l of seen) console.log(l); })();
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
log('outside', als.getStore());
als.run({ id: 1 }, () => {
  log('sync', als.getStore());
  setTimeout(() => log('timeout', als.getStore()), 40);
  setImmediate(() => log('immediate', als.getStore()));
  process.nextTick(() => log('tick', als.getStore()));
  queueMicrotask(() => log('microtask', als.getStore()));
  Promise.resolve().then(() => log('then', als.getStore()));
  other.run('o', () => {
    log('nested', als.getStore(), other.getStore());
    setTimeout(() => log('nested timeout', als.getStore(), other.getStore()), 20);
  });
  als.exit(() => log('exit', als.getStore()));
  const r = new AsyncResource('X');
  als.run({ id: 2 }, () => r.runInAsyncScope(() => log('resource scope', als.getStore())));
});
log('after', als.getStore());
als.run(3, () => { const b = AsyncLocalStorage.bind(() => als.getStore()); setTimeout(() => log('bound', b(), als.getStore()), 60); });
try { als.run(1, 'nope'); } catch (e) { log(e.code); }
