// The vm builtin measured from JavaScript: the same file runs under node
// and under jsvm (compare.sh runs both and prints the ratios). Each figure
// is the median of several timed rounds; a round runs for about 100 ms.
// Output lines are "name value unit". Run with --expose-gc for the
// retained-heap figure.
'use strict';
const vm = require('vm');

const rounds = Number(process.env.BENCH_ROUNDS || 5);

function now() { return Number(process.hrtime.bigint()); }

// time returns the median ns per call of fn over rounds of about 100 ms.
function time(fn) {
  let n = 1;
  for (;;) { // calibrate
    const s = now();
    for (let i = 0; i < n; i++) fn(i);
    const d = now() - s;
    if (d > 20e6) { n = Math.max(1, Math.round(n * 100e6 / d)); break; }
    n *= 4;
  }
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const s = now();
    for (let i = 0; i < n; i++) fn(i);
    per.push((now() - s) / n);
  }
  per.sort((a, b) => a - b);
  return per[per.length >> 1];
}

function report(name, value, unit) {
  console.log(name, value < 10 ? value.toFixed(3) : value.toFixed(0), unit);
}

// Script rerun in the same context: the hot path of template and rule
// engines built on vm.
{
  const ctx = vm.createContext({ g: 0 });
  const reuse = new vm.Script('g = g + 1');
  report('ScriptRerunSameContext', time(() => reuse.runInContext(ctx)), 'ns/op');
}

// createContext + run a tiny precompiled Script.
{
  const tiny = new vm.Script('x + 1');
  report('CreateContextRunTiny', time(() => tiny.runInContext(vm.createContext({ x: 1 }))), 'ns/op');
}

// runInNewContext of a string (compile + new context + run).
report('RunInNewContextString', time(() => vm.runInNewContext('x + 1', { x: 1 })), 'ns/op');

// A context's function called from outside, loop included.
{
  const ctx = vm.createContext({});
  const add = vm.runInContext('(function add(a) { return a + 1 })', ctx);
  let sum = 0;
  report('CrossContextCall', time((i) => { sum = add(i); }), 'ns/op');
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
