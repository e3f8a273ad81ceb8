const { on, EventEmitter } = require('events');
(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => { ee.emit('foo', 'bar'); ee.emit('foo', 42, 'x'); ee.emit('error', new Error('boom')); });
  try {
    for await (const ev of on(ee, 'foo')) console.log('ev', ev);
  } catch (e) { console.log('err', e.message) }
  console.log('listeners', ee.listenerCount('foo'), ee.listenerCount('error'));
  const ee2 = new EventEmitter();
  const ac = new AbortController();
  process.nextTick(() => { ee2.emit('x', 1); ac.abort(); });
  try { for await (const ev of on(ee2, 'x', { signal: ac.signal })) console.log('x', ev) } catch (e) { console.log(e.name, e.code, e.message) }
  const ee3 = new EventEmitter();
  process.nextTick(() => { ee3.emit('d', 1); ee3.emit('d', 2); ee3.emit('end'); });
  for await (const ev of on(ee3, 'd', { close: ['end'] })) console.log('d', ev);
  console.log('closed', ee3.listenerCount('d'), ee3.listenerCount('end'));
  const ee4 = new EventEmitter();
  const it = on(ee4, 'q');
  ee4.emit('q', 1);
  console.log(await it.next(), typeof it[Symbol.asyncIterator]);
  console.log(await it.return(), ee4.listenerCount('q'));
  try { on(ee4, 'q', null) } catch (e) { console.log(e.code) }
  const et = new EventTarget();
  const it2 = on(et, 'ping');
  et.dispatchEvent(new Event('ping'));
  const r = await it2.next();
  console.log(r.value[0].type, r.done);
  await it2.return();
})();
