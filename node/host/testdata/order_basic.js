const log = s => process.stdout.write(s + '\n');
// the timers start from the first immediate and chain: no deadline races
// with the loop's start, however loaded the machine is
setImmediate(() => {
  log('immediate 1');
  setTimeout(() => {
    log('timeout A');
    Promise.resolve().then(() => log('promise in A'));
    process.nextTick(() => log('tick in A'));
    setImmediate(() => log('immediate from A'));
    setTimeout(() => { log('timeout from A'); setTimeout(() => log('timeout B'), 30); }, 0);
  }, 50);
});
process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => { log('promise 1'); process.nextTick(() => log('tick from promise')); });
queueMicrotask(() => log('microtask 1'));
process.nextTick(() => { log('tick 2'); Promise.resolve().then(() => log('promise from tick')); process.nextTick(() => log('tick from tick')); });
log('main end');
