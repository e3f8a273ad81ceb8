// each step waits for the one before: no races between timers
const tp = require('timers/promises');
const order = [];
(async () => {
  const ac = new AbortController();
  const p = tp.setTimeout(1000, 'never', { signal: ac.signal }).catch((e) => order.push(e.name + ' ' + e.code + ' ' + e.message));
  ac.abort();
  await p;
  await tp.setTimeout(1, 'x', { signal: 'bad' }).catch((e) => order.push(e.code));
  await tp.setTimeout(1, 'x', null).catch((e) => order.push(e.code));
  await tp.setImmediate(1, { signal: AbortSignal.abort() }).catch((e) => order.push('pre-aborted ' + e.name));
  order.push(await tp.setImmediate('imm'));
  order.push(await tp.setTimeout(5, 'late'));
  order.push('t ' + (await tp.setTimeout(2)));
  const it = tp.setInterval(3, 'tick');
  let n = 0;
  for (let r = await it.next(); !r.done; r = await it.next()) { order.push(r.value + n); if (++n === 3) break; }
  console.log('return', JSON.stringify(await it.return()));
  await tp.scheduler.wait(5);
  await tp.scheduler.yield();
  const ac2 = new AbortController();
  const it2 = tp.setInterval(2, 'v', { signal: ac2.signal });
  await it2.next();
  ac2.abort();
  await it2.next().catch((e) => order.push('interval aborted ' + e.name));
  console.log(order);
  console.log(Object.keys(tp));
})();
