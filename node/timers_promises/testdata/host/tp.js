const tp = require('timers/promises');
const order = [];
tp.setTimeout(50, 'late').then((v) => order.push(v));
tp.setImmediate('imm').then((v) => order.push(v));
tp.setTimeout(30).then((v) => order.push('t30 ' + v));
const ac = new AbortController();
tp.setTimeout(1000, 'never', { signal: ac.signal }).catch((e) => order.push(e.name + ' ' + e.code + ' ' + e.message));
ac.abort();
tp.setTimeout(1, 'x', { signal: 'bad' }).catch((e) => order.push(e.code));
tp.setTimeout(1, 'x', null).catch((e) => order.push(e.code));
const aborted = AbortSignal.abort();
tp.setImmediate(1, { signal: aborted }).catch((e) => order.push('pre-aborted ' + e.name));
(async () => {
  await tp.setTimeout(60); // the interval part runs alone: no races between timers
  const it = tp.setInterval(3, 'tick');
  let n = 0;
  for (let r = await it.next(); !r.done; r = await it.next()) { order.push(r.value + n); if (++n === 3) break; }
  await it.return();
  await tp.scheduler.wait(30);
  await tp.scheduler.yield();
  console.log(order);
  console.log(Object.keys(tp));
})();
