// Adversarial posts: Proxy traps never run, re-entrant posts from getters,
// a getter transferring the buffer being sent, nesting past the limit
// (RangeError as V8), 2000 messages then process.exit (all arrive first),
// exit inside a message handler, double terminate.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const t = (label, f) => { try { const r = f(); console.log(label, 'ok', r); } catch (e) { console.log(label, e.name, e.code, e.message); } };
const { port1, port2 } = new MessageChannel();
let trapped = false;
t('proxy traps not run', () => { port1.postMessage({ p: new Proxy({}, { get() { trapped = true; return 1; }, ownKeys() { trapped = true; return []; } }) }); });
console.log('trapped', trapped);
// re-entrant post from a getter
t('reentrant', () => port1.postMessage({ get a() { port1.postMessage('inner'); return 'outer'; } }));
console.log(receiveMessageOnPort(port2), receiveMessageOnPort(port2));
// getter detaching the buffer being transferred
const ab = new ArrayBuffer(4);
t('getter transfers too', () => port1.postMessage({ get a() { port1.postMessage(ab, [ab]); return 1; }, ab }, [ab]));
console.log(ab.byteLength, receiveMessageOnPort(port2), receiveMessageOnPort(port2));
// deep nesting
let deep = {}; const root = deep; for (let i = 0; i < 5000; i++) { deep.n = {}; deep = deep.n; }
t('deep', () => { port1.postMessage(root); const m = receiveMessageOnPort(port2); return typeof m; });
// many messages then exit: all arrive before exit
const w = new Worker('const {parentPort}=require("worker_threads"); for (let i = 0; i < 2000; i++) parentPort.postMessage(i); process.exit(4)', { eval: true });
let n = 0; w.on('message', () => n++);
w.on('exit', (c) => {
  console.log('got', n, 'exit', c);
  const w2 = new Worker('require("worker_threads").parentPort.on("message", (m) => { if (m === 2) process.exit(9) })', { eval: true });
  w2.postMessage(1); w2.postMessage(2); w2.postMessage(3);
  w2.on('exit', (c) => {
    console.log('w2 exit', c);
    const w3 = new Worker('require("worker_threads").parentPort.postMessage("x"); setInterval(() => {}, 1000)', { eval: true });
    w3.on('message', () => { w3.terminate(); w3.terminate().then((c) => console.log('double terminate', c)); });
    w3.on('exit', (c) => console.log('w3 exit', c));
  });
});
