// The node side of compare.sh: the same three measurements as
// bench_test.go, printed as "name value unit".
const vm = require('vm');

function time(fn, iterations) {
  fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

const tiny = new vm.Script('x + 1');
console.log('ContextCreateAndRun', time(() => tiny.runInContext(vm.createContext({ x: 1 })), 2000).toFixed(0), 'ns/op');

{
  const n = 2000;
  const s = new vm.Script('var y = x + 1');
  global.gc && gc();
  const before = process.memoryUsage().heapUsed;
  const keep = [];
  for (let i = 0; i < n; i++) {
    const c = vm.createContext({ x: 1 });
    s.runInContext(c);
    keep.push(c);
  }
  global.gc && gc();
  const after = process.memoryUsage().heapUsed;
  console.log('RetainedPerContext', ((after - before) / n).toFixed(0), 'bytes/context', keep.length > 0 ? '' : '');
}

{
  const s = new vm.Script('for (i = 0; i < 1e6; i++) { counter = counter + 1 }');
  console.log('GlobalLoop', time(() => s.runInContext(vm.createContext({ counter: 0 })), 5).toFixed(0), 'ns/op');
}
