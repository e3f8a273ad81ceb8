// p-queue (ESM): priority queue with concurrency, events, onIdle
import PQueue from 'p-queue';
const q = new PQueue({ concurrency: 2 });
const order = [];
q.on('completed', (r) => order.push(`done ${r}`));
const wait = (ms, v) => () => new Promise((r) => setTimeout(() => r(v), ms));
q.add(wait(300, 'a')); // far longer than b+high+low, so the order holds on a loaded machine
q.add(wait(5, 'b'));
q.add(wait(1, 'low'), { priority: 0 });
q.add(wait(1, 'high'), { priority: 10 });
console.log(q.size, q.pending);
await q.onIdle();
console.log(order, q.size, q.pending);
