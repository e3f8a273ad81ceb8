// Soak: create and drop contexts from JavaScript (vm.createContext + a
// tiny run, nothing kept) and print the memory curve. The same file runs
// under node and jsvm; run with --expose-gc. RSS is read from
// /proc/self/status when `fs` is available, else process.memoryUsage().rss.
// Usage: jsvm --expose-gc soak_contexts.js [count] [every]
'use strict';
const vm = require('vm');
const total = Number(process.argv[2] || 1e6);
const every = Number(process.argv[3] || total / 10);

let readRSS = () => process.memoryUsage().rss;
try {
  const fs = require('fs');
  fs.readFileSync('/proc/self/status', 'utf8');
  readRSS = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
} catch (e) { /* no fs: the runtime's own figure */ }

const MB = (n) => (n / 1048576).toFixed(1);
const script = new vm.Script('x + 1');
const start = process.hrtime.bigint();
function sample(i) {
  if (typeof gc === 'function') gc();
  const m = process.memoryUsage();
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`contexts ${String(i).padStart(8)}  rss ${MB(readRSS()).padStart(7)} MB  heapUsed ${MB(m.heapUsed).padStart(7)} MB  ${s.toFixed(1)} s`);
}
sample(0);
for (let i = 1; i <= total; i++) {
  script.runInContext(vm.createContext({ x: i }));
  if (i % every === 0) sample(i);
}
