// terminate(): a busy worker (a plain loop, a loop inside a vm context)
// is interrupted, the promise gives the exit code, terminating an ended
// worker gives undefined; many workers at once; unref'd workers do not
// keep the process alive; process.exit of the main thread while workers
// run.
const { Worker } = require('worker_threads');
const busy = (code) => new Promise((resolve) => {
  const w = new Worker(code, { eval: true });
  w.once('message', async () => {
    const r = await w.terminate();
    w.on('exit', () => {});
    resolve(r);
  });
  w.on('exit', (c) => console.log('exit event', c));
});
(async () => {
  console.log('loop', await busy('require("worker_threads").parentPort.postMessage("go"); while (true) {}'));
  console.log('vm loop', await busy('const vm = require("vm"); require("worker_threads").parentPort.postMessage("go"); vm.runInNewContext("while (true) {}")'));
  console.log('timer', await busy('require("worker_threads").parentPort.postMessage("go"); setInterval(() => {}, 1000)'));
  const done = new Worker('1', { eval: true });
  await new Promise((r) => done.on('exit', r));
  console.log('after exit', await done.terminate());
  const n = 16;
  const sums = await Promise.all(Array.from({ length: n }, (_, i) => new Promise((resolve, reject) => {
    const w = new Worker(`
      const { parentPort, workerData } = require('worker_threads');
      let s = 0; for (let k = 0; k <= workerData; k++) s += k;
      parentPort.postMessage(s);`, { eval: true, workerData: 1000 * (i + 1) });
    w.on('message', resolve);
    w.on('error', reject);
  })));
  console.log('sums', sums.join(','));
  const idle = new Worker('setTimeout(() => {}, 100000)', { eval: true });
  idle.unref();
  const idle2 = new Worker('require("worker_threads").parentPort.on("message", () => {})', { eval: true });
  idle2.unref();
  console.log('main done');
})();
