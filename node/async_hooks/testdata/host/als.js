const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
console.log('outside', als.getStore());
als.run({ id: 1 }, () => {
  console.log('sync', als.getStore());
  setTimeout(() => console.log('timeout', als.getStore()), 40);
  setImmediate(() => console.log('immediate', als.getStore()));
  process.nextTick(() => console.log('tick', als.getStore()));
  queueMicrotask(() => console.log('microtask', als.getStore()));
  Promise.resolve().then(() => console.log('then', als.getStore()));
  other.run('o', () => {
    console.log('nested', als.getStore(), other.getStore());
    setTimeout(() => console.log('nested timeout', als.getStore(), other.getStore()), 20);
  });
  als.exit(() => console.log('exit', als.getStore()));
  const r = new AsyncResource('X');
  als.run({ id: 2 }, () => r.runInAsyncScope(() => console.log('resource scope', als.getStore())));
});
console.log('after', als.getStore());
als.run(3, () => { const b = AsyncLocalStorage.bind(() => als.getStore()); setTimeout(() => console.log('bound', b(), als.getStore()), 60); });
try { als.run(1, 'nope'); } catch (e) { console.log(e.code); }
