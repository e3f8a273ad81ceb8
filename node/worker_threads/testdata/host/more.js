// Nested workers, env (copy, object, SHARE_ENV), environment data,
// resourceLimits, BroadcastChannel between threads, a worker from a file
// URL and from an ES module file.
const wt = require('worker_threads');
const { Worker, BroadcastChannel, SHARE_ENV, setEnvironmentData, getEnvironmentData } = wt;
const path = require('path');
const step = (name, fn) => new Promise((resolve) => fn(resolve)).then((v) => console.log(name, v));
const done = (w) => new Promise((r) => w.on('exit', r));
(async () => {
  await step('nested', (resolve) => {
    const w = new Worker(`
      const { Worker, parentPort, threadId } = require('worker_threads');
      const inner = new Worker('require("worker_threads").parentPort.postMessage(["inner", require("worker_threads").threadId > 0])', { eval: true });
      inner.on('message', (m) => parentPort.postMessage(['outer got', m, threadId > 0]));`, { eval: true });
    w.on('message', resolve);
  });
  process.env.JSVM_WT_A = 'a';
  await step('env copy', (resolve) => {
    const w = new Worker('process.env.JSVM_WT_B = "b"; require("worker_threads").parentPort.postMessage([process.env.JSVM_WT_A, typeof process.env.HOME])', { eval: true });
    w.on('message', (m) => done(w).then(() => resolve([m, process.env.JSVM_WT_B])));
  });
  await step('env object', (resolve) => {
    const w = new Worker('require("worker_threads").parentPort.postMessage([process.env.ONLY, process.env.JSVM_WT_A, Object.keys(process.env)])', { eval: true, env: { ONLY: 1 } });
    w.on('message', resolve);
  });
  await step('share env', (resolve) => {
    const w = new Worker('process.env.JSVM_WT_SHARED = "from worker"; require("worker_threads").parentPort.postMessage(process.env.JSVM_WT_A)', { eval: true, env: SHARE_ENV });
    w.on('message', (m) => done(w).then(() => resolve([m, process.env.JSVM_WT_SHARED])));
  });
  setEnvironmentData('cfg', { x: [1, 2] });
  setEnvironmentData('gone', 1);
  setEnvironmentData('gone', undefined);
  await step('environment data', (resolve) => {
    const w = new Worker('const wt = require("worker_threads"); wt.parentPort.postMessage([wt.getEnvironmentData("cfg"), wt.getEnvironmentData("gone")])', { eval: true });
    w.on('message', resolve);
  });
  console.log('main env data', getEnvironmentData('cfg'));
  await step('resource limits', (resolve) => {
    const w = new Worker('require("worker_threads").parentPort.postMessage(require("worker_threads").resourceLimits.maxOldGenerationSizeMb)', { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    w.on('message', resolve);
  });
  console.log('main resourceLimits', wt.resourceLimits);
  await step('broadcast', (resolve) => {
    const bc = new BroadcastChannel('jsvm-test');
    const got = [];
    bc.onmessage = (e) => {
      got.push(e.data);
      if (e.data === 'ready') bc.postMessage({ hello: 'from main' });
      if (got.length === 2) { bc.close(); resolve(got); }
    };
    new Worker(`
      const { BroadcastChannel } = require('worker_threads');
      const bc = new BroadcastChannel('jsvm-test');
      bc.onmessage = (e) => { bc.postMessage({ echo: e.data }); bc.close(); };
      bc.postMessage('ready');`, { eval: true });
  });
  await step('file url', (resolve) => {
    const url = require('url').pathToFileURL(path.join(__dirname, 'fixtures', 'more_child.js'));
    const w = new Worker(url, { workerData: 'via url' });
    w.on('message', resolve);
  });
  await step('es module', (resolve) => {
    const w = new Worker(path.join(__dirname, 'fixtures', 'more_child.mjs'), { workerData: 'esm' });
    w.on('message', resolve);
  });
  await step('ref/unref', (resolve) => {
    const w = new Worker('setTimeout(() => require("worker_threads").parentPort.postMessage("late"), 20)', { eval: true });
    w.unref(); w.ref();
    w.on('message', resolve);
  });
})();
