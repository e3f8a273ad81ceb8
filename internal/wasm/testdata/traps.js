'use strict';
// Traps and errors crossing JS -> wasm -> JS -> wasm (recorded in traps.out).
const { build, op } = require('./wasmgen.js');
const vm = require('vm');

const show = (name, fn) => {
  try { console.log(name, '=>', fn()); } catch (e) { console.log(name, 'throws', e && e.constructor && e.constructor.name, e && e.message); }
};
const inner = new WebAssembly.Instance(new WebAssembly.Module(build({
  types: [[[], []], [['i32'], ['i32']]],
  funcs: [{ type: 0, body: [op.unreachable] }, { type: 1, body: [op.get(0), op.i32(0), op.divs] }],
  exports: [{ name: 'trap', index: 0 }, { name: 'div0', index: 1 }],
}))).exports;
const outerBytes = build({
  types: [[[], []]],
  imports: [{ module: 'js', name: 'cb', kind: 'func', type: 0 }],
  funcs: [{ type: 0, body: [op.call(0)] }],
  exports: [{ name: 'run', index: 1 }],
});
const outerMod = new WebAssembly.Module(outerBytes);
show('trap in import', () => new WebAssembly.Instance(outerMod, { js: { cb: () => inner.trap() } }).exports.run());
show('same RuntimeError object', () => {
  let thrown;
  try {
    new WebAssembly.Instance(outerMod, { js: { cb: () => { try { inner.trap(); } catch (e) { thrown = e; throw e; } } } }).exports.run();
  } catch (e) { return e === thrown && e instanceof WebAssembly.RuntimeError; }
});
show('caught in import', () => { new WebAssembly.Instance(outerMod, { js: { cb: () => { try { inner.div0(1); } catch (e) { return; } } } }).exports.run(); return 'ok'; });
show('import is a wasm function that traps', () => new WebAssembly.Instance(outerMod, { js: { cb: inner.trap } }).exports.run());
show('import is a bound function', () => { let n = 0; new WebAssembly.Instance(outerMod, { js: { cb: function () { n += this.k; }.bind({ k: 5 }) } }).exports.run(); return n; });
show('import is a Proxy', () => { let n = 0; new WebAssembly.Instance(outerMod, { js: { cb: new Proxy(() => {}, { apply() { n++; } }) } }).exports.run(); return n; });
show('import Proxy throwing apply', () => new WebAssembly.Instance(outerMod, { js: { cb: new Proxy(() => {}, { apply() { throw new EvalError('apply trap'); } }) } }).exports.run());
show('import is a class', () => { try { new WebAssembly.Instance(outerMod, { js: { cb: class {} } }).exports.run(); } catch (e) { return e.constructor.name; } }); // sobek's message has no class name
show('recursion through JS', () => {
  let depth = 0, ex;
  ex = new WebAssembly.Instance(outerMod, { js: { cb: () => { depth++; ex.run(); } } }).exports;
  try { ex.run(); } catch (e) { return [e.constructor.name, e.message, depth > 100]; }
});
show('usable after recursion', () => inner.div0.length);
show('context import from main', () => {
  const ctx = vm.createContext({ outerBytes, cb: () => { throw new TypeError('main realm'); } });
  return vm.runInContext('try { new WebAssembly.Instance(new WebAssembly.Module(outerBytes), { js: { cb } }).exports.run() } catch (e) { [e.constructor.name, e.message].join() }', ctx);
});
