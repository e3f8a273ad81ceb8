// vm.measureMemory cases (see gen_mm.js): async function bodies with `vm` in
// scope. Node's output is in mm_cases.golden.
const shape = `const shape = (e) => Object.keys(e).join() + ' ' + typeof e.jsMemoryEstimate + ' ' + Array.isArray(e.jsMemoryRange) + ' ' + e.jsMemoryRange.length + ' ' + (e.jsMemoryRange[0] <= e.jsMemoryEstimate && e.jsMemoryEstimate <= e.jsMemoryRange[1]);`;
// Node's default execution waits for the next GC: each default-mode call is
// paired with an eager one, which makes it happen.
module.exports = [
  `return vm.measureMemory(5)`,
  `return vm.measureMemory(null)`,
  `return vm.measureMemory([])`,
  `return vm.measureMemory('summary')`,
  `return vm.measureMemory({ mode: 'x' })`,
  `return vm.measureMemory({ mode: 5 })`,
  `return vm.measureMemory({ execution: 'x' })`,
  `return vm.measureMemory({ execution: 'y', mode: 'x' })`,
  `return vm.measureMemory({ execution: null })`,
  `const p = vm.measureMemory(); return [p instanceof Promise, p.constructor === Promise]`,
  `return vm.measureMemory(undefined) instanceof Promise`,
  shape + `const [r] = await Promise.all([vm.measureMemory(), vm.measureMemory({ execution: 'eager' })]); return [Object.keys(r).join(), shape(r.total)]`,
  shape + `const r = await vm.measureMemory({ mode: 'summary', execution: 'eager' }); return [Object.keys(r).join(), shape(r.total)]`,
  shape + `const [r] = await Promise.all([vm.measureMemory({ mode: 'detailed' }), vm.measureMemory({ execution: 'eager' })]); return [Object.keys(r).join(), shape(r.total), shape(r.current), Array.isArray(r.other)]`,
  shape + `const r = await vm.measureMemory({ mode: 'detailed', execution: 'eager' }); return [Object.keys(r).join(), r.total.jsMemoryEstimate >= r.current.jsMemoryEstimate]`,
  `const r = await vm.measureMemory({ mode: 'summary', extra: 1, execution: 'eager' }); return r.total.jsMemoryEstimate > 0`,
];
