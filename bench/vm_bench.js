// The vm builtin measured from JavaScript: the same file runs under node
// and under jsvm (compare.sh runs both and prints the ratios). Each figure
// is the median of several timed rounds; a round runs for about 100 ms.
// Output lines are "name value unit"; each timed workload also prints
// "name.cpu value cpu-ns/op", the process's CPU time (process.cpuUsage:
// all threads, the collector's too) per call, which a machine shared
// with other jobs distorts far less than the wall clock. Run with
// --expose-gc for the retained-heap figure.
'use strict';
const vm = require('vm');

const rounds = Number(process.env.BENCH_ROUNDS || 5);

function now() { return Number(process.hrtime.bigint()); }

function cpuNow() { const u = process.cpuUsage(); return (u.user + u.system) * 1000; }

// time returns the median ns per call of fn over rounds of about 100 ms
// (wall clock), and the median CPU ns per call as time.cpu.
function time(fn) {
  let n = 1;
  for (;;) { // calibrate
    const s = now();
    for (let i = 0; i < n; i++) fn(i);
    const d = now() - s;
    if (d > 20e6) { n = Math.max(1, Math.round(n * 100e6 / d)); break; }
    n *= 4;
  }
  const per = [], cpu = [];
  for (let r = 0; r < rounds; r++) {
    const c = cpuNow(), s = now();
    for (let i = 0; i < n; i++) fn(i);
    per.push((now() - s) / n);
    cpu.push((cpuNow() - c) / n);
  }
  per.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  time.cpu = cpu[cpu.length >> 1];
  return per[per.length >> 1];
}

function report(name, value, unit) {
  console.log(name, value < 10 ? value.toFixed(3) : value.toFixed(0), unit);
}

// timed reports the wall-clock and the CPU figure of fn.
function timed(name, fn) {
  report(name, time(fn), 'ns/op');
  report(name + '.cpu', time.cpu, 'cpu-ns/op');
}

// Script rerun in the same context: the hot path of template and rule
// engines built on vm.
{
  const ctx = vm.createContext({ g: 0 });
  const reuse = new vm.Script('g = g + 1');
  timed('ScriptRerunSameContext', () => reuse.runInContext(ctx));
}

// createContext + run a tiny precompiled Script.
{
  const tiny = new vm.Script('x + 1');
  timed('CreateContextRunTiny', () => tiny.runInContext(vm.createContext({ x: 1 })));
}

// runInNewContext of a string (compile + new context + run).
timed('RunInNewContextString', () => vm.runInNewContext('x + 1', { x: 1 }));

// A context's function called from outside, loop included.
{
  const ctx = vm.createContext({});
  const add = vm.runInContext('(function add(a) { return a + 1 })', ctx);
  let sum = 0;
  timed('CrossContextCall', (i) => { sum = add(i); });
  if (sum < 0) console.log(sum);
}

// Heap retained per idle context made from JS (one tiny run each).
if (typeof gc === 'function') {
  const n = 2000;
  const s = new vm.Script('var y = x + 1');
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const keep = [];
  for (let i = 0; i < n; i++) {
    const c = vm.createContext({ x: 1 });
    s.runInContext(c);
    keep.push(c);
  }
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  report('RetainedPerIdleContext', (after - before) / n, 'bytes/context');
  if (keep.length !== n) throw new Error('lost contexts');
}
