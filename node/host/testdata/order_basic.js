const log = s => process.stdout.write(s + '\n');
setImmediate(() => log('immediate 1'));
process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => { log('promise 1'); process.nextTick(() => log('tick from promise')); });
queueMicrotask(() => log('microtask 1'));
process.nextTick(() => { log('tick 2'); Promise.resolve().then(() => log('promise from tick')); process.nextTick(() => log('tick from tick')); });
setTimeout(() => {
  log('timeout A');
  Promise.resolve().then(() => log('promise in A'));
  process.nextTick(() => log('tick in A'));
  setImmediate(() => log('immediate from A'));
  setTimeout(() => log('timeout from A'), 0);
}, 50);
setTimeout(() => log('timeout B'), 80);
log('main end');
