// A Worker running this same file: workerData, argv, env, threadId,
// messages both ways (structured clones), online/message/exit order,
// process.exit in a worker ending only the worker.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
if (isMainThread) {
  process.env.JSVM_WT_PARENT = 'p';
  const cyc = { name: 'cyc' }; cyc.self = cyc;
  const data = { n: 1, s: 'str', big: 10n, m: new Map([[1, { d: new Date(0) }]]), set: new Set(['a']), re: /x/gi,
    u8: new Uint8Array([1, 2, 3]), f64: new Float64Array([1.5]), cyc, arr: [undefined, null, -0, NaN], nested: { a: [[1]] } };
  const w = new Worker(__filename, { workerData: data, argv: ['a', 7] });
  console.log('main threadId', threadId, 'worker threadId', w.threadId > 0);
  const events = [];
  w.on('online', () => events.push('online'));
  w.on('message', (m) => {
    if (m && m.step === 'hello') {
      console.log('worker says', m);
      w.postMessage({ reply: 'hi worker', when: new Date(1e12), list: [1, 2, 3] });
    } else {
      console.log('message', m);
    }
  });
  w.on('exit', (code) => {
    console.log('exit', code, events.join(','), 'env in main after', process.env.JSVM_WT_CHILD);
    second();
  });
} else if (workerData && workerData.exit) {
  process.on('exit', (c) => parentPort.postMessage('worker exit listener ' + c));
  parentPort.postMessage('about to exit');
  process.exit(workerData.exit);
  parentPort.postMessage('never');
} else {
  const d = workerData;
  parentPort.postMessage({ step: 'hello', isMainThread, threadIdPositive: threadId > 0,
    argv: process.argv.slice(2), argc: process.argv.length, env: process.env.JSVM_WT_PARENT,
    cycOk: d.cyc.self === d.cyc, map: d.m.get(1).d.getTime(), set: [...d.set], re: String(d.re), u8: Array.from(d.u8),
    f64: d.f64[0], big: typeof d.big, arr: d.arr, nested: d.nested, types: [d.m instanceof Map, d.u8 instanceof Uint8Array] });
  process.env.JSVM_WT_CHILD = 'c';
  parentPort.once('message', (m) => {
    parentPort.postMessage({ got: m, dateOk: m.when instanceof Date && m.when.getTime() === 1e12 });
  });
}

function second() {
  const w = new Worker(__filename, { workerData: { exit: 3 } });
  w.on('message', (m) => console.log('second:', m));
  w.on('exit', (code) => { console.log('second exit', code); third(); });
}

function third() {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    parentPort.on('message', (m) => {
      if (m === 'stop') { parentPort.close(); return; }
      parentPort.postMessage(m * workerData.k);
    });`;
  const w = new Worker(code, { eval: true, workerData: { k: 3 } });
  const got = [];
  w.on('message', (v) => { got.push(v); if (got.length === 5) w.postMessage('stop'); });
  for (let i = 1; i <= 5; i++) w.postMessage(i);
  w.on('exit', (c) => console.log('third exit', c, got));
}
