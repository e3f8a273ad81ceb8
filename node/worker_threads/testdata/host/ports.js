// MessageChannel/MessagePort: clones, transfer of ArrayBuffers (the
// source is detached) and of ports (to a worker), receiveMessageOnPort,
// close events, posting after close, DataCloneErrors, transfer-list
// errors, onmessage/addEventListener (MessageEvent), untransferable.
const { Worker, MessageChannel, MessagePort, receiveMessageOnPort, markAsUntransferable } = require('worker_threads');
const t = (label, f) => { try { const r = f(); console.log(label, 'ok', r); } catch (e) { console.log(label, e.name, e.code, e.message); } };

const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof MessagePort, port1 instanceof EventTarget, typeof port1.on, port1.onmessage);
t('new MessagePort', () => new MessagePort());
t('no args', () => port1.postMessage());
t('arrow', () => port1.postMessage(() => 1));
t('function', () => port1.postMessage({ f: function named(a) { return a; } }));
t('symbol', () => port1.postMessage([Symbol('s')]));
t('weakmap', () => port1.postMessage(new WeakMap()));
t('promise', () => port1.postMessage(Promise.resolve()));
t('proxy', () => port1.postMessage(new Proxy({}, {})));
t('getter', () => port1.postMessage({ get x() { throw new Error('getter threw'); } }));
t('source port', () => port1.postMessage(1, [port1]));
t('bad item', () => port1.postMessage(1, [{}]));
t('not iterable', () => port1.postMessage(1, 5));
t('transfer null', () => port1.postMessage(1, { transfer: null }));
const ab0 = new ArrayBuffer(2);
t('dup buffer', () => port1.postMessage(1, [ab0, ab0]));
const c2 = new MessageChannel();
t('dup port', () => port1.postMessage(1, [c2.port1, c2.port1]));
t('port not listed', () => port1.postMessage({ p: c2.port1 }));
t('illegal this', () => MessagePort.prototype.postMessage.call({}, 1));
t('receive on non-port', () => receiveMessageOnPort({}));

// nothing of the failed posts arrived
console.log('queue after failures', receiveMessageOnPort(port2));

// clones and transfers
const ab = new ArrayBuffer(8); new Uint8Array(ab)[0] = 9;
const view = new Uint8Array(ab, 2, 3);
port1.postMessage({ ab, view, wrap: [new Number(1), new String('s'), new Boolean(false)] }, [ab]);
console.log('after transfer', ab.byteLength, view.length);
const got = receiveMessageOnPort(port2).message;
console.log('received', got.ab.byteLength, new Uint8Array(got.ab)[0], got.view.buffer === got.ab, got.view.byteOffset, got.wrap);
const keep = new ArrayBuffer(4);
markAsUntransferable(keep);
port1.postMessage(keep, [keep]);
console.log('untransferable stays', keep.byteLength, receiveMessageOnPort(port2).message.byteLength);
const o = { name: 'o' }; o.self = o; o.list = [o, o];
port1.postMessage(o);
const oc = receiveMessageOnPort(port2).message;
console.log('cycle', oc.self === oc, oc.list[1] === oc, oc !== o);
const big = 'x'.repeat(1 << 22);
port1.postMessage({ big, arr: Array.from({ length: 100000 }, (_, i) => i) });
const bc = receiveMessageOnPort(port2).message;
console.log('large', bc.big.length, bc.arr.length, bc.arr[99999]);
console.log('empty queue', receiveMessageOnPort(port2));

// events, close, posting after close
const ch = new MessageChannel();
const order = [];
ch.port2.onmessage = (e) => order.push(['onmessage', e.data, e instanceof Event, e.ports.length]);
ch.port2.addEventListener('message', (e) => order.push(['event', e.data, e.type]));
ch.port2.on('message', (v) => order.push(['on', v]));
ch.port2.once('message', (v) => order.push(['once', v]));
ch.port1.on('close', () => order.push(['port1 close']));
ch.port2.on('close', () => { order.push(['port2 close']); next(); });
const extra = new MessageChannel();
ch.port1.postMessage('first', [extra.port1]);
ch.port1.postMessage('second');
ch.port1.close();
ch.port1.postMessage('after close');
ch.port1.close();
console.log('sync end');

function next() {
  for (const l of order) console.log(...l);
  // a port transferred to a worker: the worker talks over it
  const { port1: mine, port2: theirs } = new MessageChannel();
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.once('message', ({ port, ab }) => {
      port.postMessage({ fromWorker: new Uint8Array(ab)[1], port: port instanceof require('worker_threads').MessagePort });
      port.on('message', (m) => { if (m === 'bye') { port.postMessage('closing'); port.close(); } else port.postMessage(m + '!'); });
    });`, { eval: true });
  const ab2 = new Uint8Array([5, 6]).buffer;
  w.postMessage({ port: theirs, ab: ab2 }, [theirs, ab2]);
  console.log('moved', ab2.byteLength);
  const seen = [];
  mine.on('message', (m) => { seen.push(m); if (seen.length === 1) mine.postMessage('ping'); else if (seen.length === 2) mine.postMessage('bye'); });
  mine.on('close', () => console.log('mine closed', seen));
  w.on('exit', (c) => console.log('worker exit', c));
}
