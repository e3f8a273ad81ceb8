const log = s => process.stdout.write(s + '\n');
setTimeout(() => {

  setImmediate(() => {
    log('immediate 1');
    setImmediate(() => log('immediate nested'));
    process.nextTick(() => log('tick in immediate 1'));
    Promise.resolve().then(() => log('promise in immediate 1'));
  });
  setImmediate(() => log('immediate 2'));
}, 1);
const i = setImmediate(() => log('cleared immediate'));
clearImmediate(i);
const t = setTimeout(() => log('cleared'), 1);
clearTimeout(t);
const u = setTimeout(() => log('unref never'), 100000);
u.unref();
log('hasRef ' + u.hasRef() + ' ' + typeof u.ref + ' ' + (u.ref() === u) + ' ' + u.hasRef());
u.unref();
const p = setTimeout(() => log('cleared by primitive'), 1);
clearTimeout(+p);
log('primitive ' + (typeof +p));
(async () => { log('async start'); await null; log('after await'); await new Promise(r => setTimeout(r, 300)); log('after timer await');
  let n = 0;
  const iv = setInterval(() => {
    log('interval ' + (++n));
    if (n === 3) clearInterval(iv);
  }, 1);
})();
