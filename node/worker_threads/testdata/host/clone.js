// structuredClone and postMessage are one codec: the same values give the
// same copies and the same DataCloneErrors, in-thread and to a worker.
const { Worker } = require('worker_threads');
const util = require('util');
const b = new ArrayBuffer(8);
const dv = new DataView(b, 1, 4); dv.setUint16(0, 513);
const values = {
  dv, b, u16: new Uint16Array(b, 2, 2), wrappers: [new Number(3), new String('w'), new Boolean(true)],
  err: new RangeError('r'), date: new Date(5), re: /a+/y, holesAndMore: [1, , 3], neg: -0, map: new Map([[{ k: 1 }, new Set([1])]]),
};
const local = structuredClone(values);
console.log(util.inspect(Object.assign({}, local, { err: undefined }), { depth: 4 }));
console.log('error', local.err instanceof RangeError, local.err.stack.split('\n')[0], local.err.stack.includes('clone.js:9'));
console.log('shared buffer', local.dv.buffer === local.b, local.u16.buffer === local.b, local.dv.getUint16(0));
for (const bad of [() => 1, Symbol('q'), new WeakSet(), { p: Promise.resolve() }, new Proxy([], {})]) {
  try { structuredClone(bad); } catch (e) { console.log('structuredClone', e.name, e.code, e.message); }
}
const ab = new ArrayBuffer(3);
const moved = structuredClone({ ab }, { transfer: [ab] });
console.log('transfer', ab.byteLength, moved.ab.byteLength);
try { structuredClone(1, { transfer: [{}] }); } catch (e) { console.log(e.name, e.code, e.message); }
try { structuredClone(1, 7); } catch (e) { console.log(e.name, e.code, e.message); }
const w = new Worker(`
  const { parentPort, workerData } = require('worker_threads');
  const util = require('util');
  parentPort.postMessage(util.inspect(Object.assign({}, workerData, { err: undefined }), { depth: 4 }));
  parentPort.postMessage(['error', workerData.err instanceof RangeError, workerData.err.stack.split(String.fromCharCode(10))[0], workerData.err.stack.includes('clone.js:9')]);
  parentPort.postMessage([workerData.dv.buffer === workerData.b, workerData.u16.buffer === workerData.b]);
  for (const bad of [() => 1, Symbol('q'), new WeakSet(), { p: Promise.resolve() }, new Proxy([], {})]) {
    try { parentPort.postMessage(bad); } catch (e) { parentPort.postMessage(['postMessage', e.name, e.code, e.message]); }
  }`, { eval: true, workerData: values });
w.on('message', (m) => console.log(typeof m === 'string' ? m : m));
