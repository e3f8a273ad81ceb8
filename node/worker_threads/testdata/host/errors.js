// Uncaught errors in a worker become 'error' events on the Worker (with
// the error's class, message, own properties and the worker's stack),
// then 'exit' with code 1; the main thread goes on.
const { Worker } = require('worker_threads');
const cases = [
  'throw new TypeError("boom")',
  'const e = new RangeError("with code"); e.code = "ERR_X"; e.extra = { n: 1 }; throw e',
  'throw 42',
  'throw { plain: true }',
  'setTimeout(() => { null.x }, 1)',
  'Promise.reject(new SyntaxError("rejected"))',
  'Promise.reject(5)',
  'require("./does-not-exist")',
  'process.on("uncaughtException", (e) => { require("worker_threads").parentPort.postMessage("handled " + e.message) }); throw new Error("caught by handler")',
  'function (',
  'class MyError extends Error {}; throw new MyError("custom")',
];
function run(i) {
  if (i === cases.length) { fileErrors(); return; }
  const w = new Worker(cases[i], { eval: true });
  w.on('message', (m) => console.log(i, 'message', m));
  w.on('error', (e) => {
    const isErr = e instanceof Error;
    console.log(i, 'error', isErr ? [e.constructor.name, e.name, e.message.split('\n')[0], e.code, e.extra, typeof e.stack] : e);
  });
  w.on('exit', (c) => { console.log(i, 'exit', c); run(i + 1); });
}
run(0);
function fileErrors() {
  for (const bad of [undefined, 5, 'http://x/y.js', 'relative.js', {}]) {
    try { new Worker(bad); } catch (e) { console.log('ctor', e.name, e.code, e.message); }
  }
  for (const opts of [{ argv: 5 }, { env: 5 }, { execArgv: 'x' }, { workerData: () => 1 }, { workerData: Symbol('s') }, { transferList: 5 }]) {
    try { new Worker('1', Object.assign({ eval: true }, opts)); console.log('no throw'); } catch (e) { console.log('option', Object.keys(opts)[0], e.name, e.code, e.message); }
  }
  const w = new Worker('/nonexistent/worker.js');
  w.on('error', (e) => console.log('missing file', e.code, e.message));
  w.on('exit', (c) => console.log('missing file exit', c));
}
