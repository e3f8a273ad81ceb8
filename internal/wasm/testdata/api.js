'use strict';
// The WebAssembly JS API against node (recorded in api.out).
const { build, op } = require('./wasmgen.js');
const vm = require('vm');

function fmt(v) {
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(fmt).join(', ') + ']';
  if (v instanceof ArrayBuffer) return 'ArrayBuffer(' + v.byteLength + ')';
  if (typeof v === 'object' && v !== null) {
    const tag = Object.prototype.toString.call(v);
    if (tag !== '[object Object]') return tag;
    return '{' + Object.keys(v).map((k) => k + ': ' + fmt(v[k])).join(', ') + '}';
  }
  if (Object.is(v, -0)) return '-0';
  return String(v);
}
function show(name, fn, classOnly) {
  try {
    console.log(name, '=>', fmt(fn()));
  } catch (e) {
    console.log(name, 'throws', e && e.constructor && e.constructor.name, classOnly ? '' : e && e.message);
  }
}

const add = build({
  types: [[['i32', 'i32'], ['i32']]],
  funcs: [{ type: 0, body: [op.get(0), op.get(1), op.add] }],
  exports: [{ name: 'add', index: 0 }],
  customs: [{ name: 'note', bytes: [1, 2, 3] }, { name: 'note', bytes: [4] }, { name: 'other', bytes: [] }],
});

// namespace and classes
show('typeof', () => typeof WebAssembly);
show('tag', () => String(WebAssembly));
const d = Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly');
show('descriptor', () => [d.writable, d.enumerable, d.configurable]);
for (const k of ['Module', 'Instance', 'Memory', 'Global', 'CompileError', 'LinkError', 'RuntimeError', 'validate', 'compile', 'instantiate']) {
  show(k, () => [typeof WebAssembly[k], WebAssembly[k].name, WebAssembly[k].length, Object.getOwnPropertyDescriptor(WebAssembly, k).enumerable]);
}
show('RuntimeError', () => { const e = new WebAssembly.RuntimeError('x'); return [e instanceof Error, e.name, e.message, String(e), Object.prototype.toString.call(e)]; });
show('LinkError()', () => { const e = WebAssembly.LinkError('y'); return [e instanceof WebAssembly.LinkError, e.message]; });

// Module
const m = new WebAssembly.Module(add);
show('module', () => [String(m), m instanceof WebAssembly.Module]);
show('exports', () => WebAssembly.Module.exports(m));
show('imports', () => WebAssembly.Module.imports(m));
show('customSections', () => WebAssembly.Module.customSections(m, 'note').map((b) => [...new Uint8Array(b)]));
show('customSections none', () => WebAssembly.Module.customSections(m, 'nope'));
show('customSections()', () => WebAssembly.Module.customSections(m));
show('exports({})', () => WebAssembly.Module.exports({}));
show('Module()', () => WebAssembly.Module(add));
show('new Module()', () => new WebAssembly.Module());
show('new Module(1)', () => new WebAssembly.Module(1));
show('new Module(empty)', () => new WebAssembly.Module(new Uint8Array(0)));
show('bad magic', () => new WebAssembly.Module(new Uint8Array([1, 2, 3, 4, 1, 0, 0, 0])));
show('bad version', () => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0])));
show('short', () => new WebAssembly.Module(new Uint8Array([0, 97, 115])));
show('truncated section', () => new WebAssembly.Module(add.slice(0, add.length - 5)), true);
show('huge section size', () => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f])), true);
show('huge function count', () => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 3, 5, 0xff, 0xff, 0xff, 0xff, 0x0f])), true);
show('bad body', () => new WebAssembly.Module(build({ types: [[[], ['i32']]], funcs: [{ type: 0, body: [] }] })), true);
show('ArrayBuffer source', () => new WebAssembly.Instance(new WebAssembly.Module(add.buffer)).exports.add(1, 2));
show('DataView source', () => new WebAssembly.Instance(new WebAssembly.Module(new DataView(add.buffer))).exports.add(1, 2));
show('Buffer source', () => new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(add))).exports.add(1, 2));
show('validate ok', () => WebAssembly.validate(add));
show('validate bad', () => WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99])));
show('validate empty', () => WebAssembly.validate(new Uint8Array(0)));
show('validate()', () => WebAssembly.validate());
show('copied at compile', () => { const b = add.slice(); const mm = new WebAssembly.Module(b); b.fill(0); return new WebAssembly.Instance(mm).exports.add(3, 4); });

// Instance and exported functions
const inst = new WebAssembly.Instance(m);
const f = inst.exports.add;
show('instance', () => [String(inst), inst instanceof WebAssembly.Instance, Object.isFrozen(inst.exports), Object.getPrototypeOf(inst.exports), Object.keys(inst.exports)]);
show('exports descriptor', () => { const e = Object.getOwnPropertyDescriptor(inst.exports, 'add'); return [e.writable, e.enumerable, e.configurable]; });
show('same function', () => inst.exports.add === f);
show('function', () => [typeof f, f.name, f.length, 'prototype' in f]);
show('new f()', () => new f(1, 2), true); // sobek: 'Value is not a constructor'
show('i32 conversions', () => [f(1, 2), f(2 ** 31, 0), f(-1, 0), f(1.9, 0.9), f('5', true), f(NaN, Infinity), f(), f(2 ** 32 + 5, 0)]);
show('i32 valueOf', () => f({ valueOf() { return 40; } }, { toString() { return '2'; } }));
show('i32 BigInt', () => f(1n, 2));
show('i32 Symbol', () => f(Symbol(), 2));
show('i32 throwing valueOf', () => f({ valueOf() { throw new Error('boom'); } }, 1));
show('Instance()', () => WebAssembly.Instance(m));
show('new Instance()', () => new WebAssembly.Instance());
show('new Instance({})', () => new WebAssembly.Instance({}));
show('new Instance(m, 1)', () => new WebAssembly.Instance(m, 1));
show('exports getter', () => { const g = Object.getOwnPropertyDescriptor(WebAssembly.Instance.prototype, 'exports'); return [typeof g.get, g.get.call(inst) === inst.exports]; });

const i64 = build({
  types: [[['i64', 'i64'], ['i64']], [['f32'], ['f32']], [['f64', 'f64'], ['f64']], [['i32'], ['i32', 'i64']]],
  funcs: [
    { type: 0, body: [op.get(0), op.get(1), [0x7c]] },
    { type: 1, body: [op.get(0)] },
    { type: 2, body: [op.get(0), op.get(1), [0xa2]] },
    { type: 3, body: [op.get(0), op.get(0), [0xac]] },
  ],
  exports: [{ name: 'add64', index: 0 }, { name: 'id32', index: 1 }, { name: 'mul', index: 2 }, { name: 'pair', index: 3 }],
});
const e64 = new WebAssembly.Instance(new WebAssembly.Module(i64)).exports;
show('i64', () => [e64.add64(1n, 2n), e64.add64(2n ** 63n - 1n, 1n), e64.add64(-5n, 2n ** 64n), e64.add64('7', true)]);
show('i64 number', () => e64.add64(1, 2));
show('i64 undefined', () => e64.add64());
show('f32', () => [e64.id32(0.1), e64.id32(16777217), e64.id32(-0), e64.id32('x')]);
show('f64', () => [e64.mul(0.1, 3), e64.mul(-0, 1), e64.mul(1e308, 10)]);
show('multi-value', () => e64.pair(-3));

// imports
const imp = build({
  types: [[['i32', 'i32'], ['i32']], [['i32'], []]],
  imports: [{ module: 'env', name: 'f', kind: 'func', type: 0 }, { module: 'env', name: 'log', kind: 'func', type: 1 }],
  funcs: [{ type: 0, body: [op.get(0), op.get(1), op.call(0), op.get(0), op.call(1)] }],
  exports: [{ name: 'run', index: 2 }],
});
const im = new WebAssembly.Module(imp);
show('imports list', () => WebAssembly.Module.imports(im));
const logs = [];
show('import call', () => new WebAssembly.Instance(im, { env: { f: (a, b) => a * 10 + b, log: (x) => logs.push(x) } }).exports.run(4, 2) + ' ' + logs);
show('import this and args', () => {
  let seen;
  new WebAssembly.Instance(im, { env: { f: function (...a) { seen = [this === undefined, a.length, ...a]; return '12'; }, log() {} } }).exports.run(7, 8);
  return seen;
});
show('import result conversion', () => new WebAssembly.Instance(im, { env: { f: () => ({ valueOf: () => 99 }), log() {} } }).exports.run(1, 1));
show('import returns Symbol', () => new WebAssembly.Instance(im, { env: { f: () => Symbol(), log() {} } }).exports.run(1, 1));
show('no import object', () => new WebAssembly.Instance(im));
show('module not object', () => new WebAssembly.Instance(im, { env: 1 }));
show('missing function', () => new WebAssembly.Instance(im, { env: {} }));
show('not callable', () => new WebAssembly.Instance(im, { env: { f: 1, log() {} } }));
show('throwing import', () => {
  const err = new Error('from import');
  try {
    new WebAssembly.Instance(im, { env: { f() { throw err; }, log() {} } }).exports.run(1, 2);
  } catch (e) {
    return [e === err, e.message];
  }
});
show('throwing non-error', () => new WebAssembly.Instance(im, { env: { f() { throw 42; }, log() {} } }).exports.run(1, 2));
show('read order', () => {
  const reads = [];
  const trace = (name, o) => new Proxy(o, { get(t, k) { reads.push(name + '.' + String(k)); return t[k]; } });
  new WebAssembly.Instance(im, trace('imports', { env: trace('env', { f() { return 0; }, log() {} }) }));
  return reads;
});
show('throwing trap', () => new WebAssembly.Instance(im, new Proxy({}, { get() { throw new TypeError('trap!'); } })));
show('throwing getter', () => new WebAssembly.Instance(im, { env: { get f() { throw new RangeError('getter!'); }, log() {} } }));
show('function imports order', () => {
  const calls = [];
  const ex = new WebAssembly.Instance(im, { env: { f: (a, b) => { calls.push('f' + a + b); return a + b; }, log: (x) => calls.push('log' + x) } }).exports;
  ex.run(1, 2); ex.run(3, 4);
  return calls;
});
show('wasm function as import', () => {
  const ex = new WebAssembly.Instance(im, { env: { f: f, log() {} } }).exports;
  return ex.run(20, 22);
});

// re-entrancy: an import calls back into wasm
const fact = build({
  types: [[['i32'], ['i32']]],
  imports: [{ module: 'js', name: 'rec', kind: 'func', type: 0 }],
  funcs: [{ type: 0, body: [op.get(0), op.eqz, op.ifi32, op.i32(1), op.else_, op.get(0), op.get(0), op.i32(1), op.sub, op.call(0), op.mul, op.end] }],
  exports: [{ name: 'fact', index: 1 }],
});
{
  let ex;
  ex = new WebAssembly.Instance(new WebAssembly.Module(fact), { js: { rec: (n) => ex.fact(n) } }).exports;
  show('re-entrant factorial', () => [ex.fact(5), ex.fact(10)]);
  show('re-entrant deep', () => { let ex2; ex2 = new WebAssembly.Instance(new WebAssembly.Module(fact), { js: { rec: (n) => ex2.fact(n) } }).exports; return ex2.fact(1e6); }, true);
}

// traps
const traps = build({
  types: [[[], []], [['i32', 'i32'], ['i32']], [['i32'], ['i32']]],
  funcs: [
    { type: 0, body: [op.unreachable] },
    { type: 1, body: [op.get(0), op.get(1), op.divs] },
    { type: 2, body: [op.get(0), op.load] },
    { type: 0, body: [op.call(3)] },
    { type: 2, body: [op.get(0), op.call(4)] },
  ],
  memory: { min: 1 },
  exports: [{ name: 'unreachable', index: 0 }, { name: 'div', index: 1 }, { name: 'load', index: 2 }, { name: 'recurse', index: 3 }, { name: 'recurse1', index: 4 }],
});
const t = new WebAssembly.Instance(new WebAssembly.Module(traps)).exports;
show('unreachable', () => t.unreachable());
show('divide by zero', () => t.div(1, 0));
show('divide overflow', () => t.div(-2147483648, -1));
show('div ok', () => t.div(7, 2));
show('out of bounds', () => t.load(65536));
show('in bounds', () => t.load(65532));
show('stack overflow', () => t.recurse());
show('stack overflow 1', () => t.recurse1(1));
show('usable after trap', () => t.div(9, 3));
show('trap is RuntimeError', () => { try { t.unreachable(); } catch (e) { return [e instanceof WebAssembly.RuntimeError, e instanceof Error, e.name]; } });

// memory
const mem = build({
  types: [[['i32', 'i32'], []], [['i32'], ['i32']]],
  memory: { min: 1, max: 3 },
  funcs: [{ type: 0, body: [op.get(0), op.get(1), op.store] }, { type: 1, body: [op.get(0), op.grow] }, { type: 1, body: [op.get(0), op.load] }],
  exports: [{ name: 'memory', kind: 'memory', index: 0 }, { name: 'store', index: 0 }, { name: 'grow', index: 1 }, { name: 'load', index: 2 }],
  data: [{ offset: 16, bytes: Buffer.from('hello') }],
});
{
  const ex = new WebAssembly.Instance(new WebAssembly.Module(mem)).exports;
  const mo = ex.memory;
  show('memory', () => [String(mo), mo instanceof WebAssembly.Memory, mo.buffer.byteLength, mo.buffer === mo.buffer, ex.memory === mo]);
  show('data segment', () => Buffer.from(mo.buffer, 16, 5).toString());
  show('wasm writes, JS reads', () => { ex.store(0, 0x01020304); return [...new Uint8Array(mo.buffer, 0, 4)]; });
  show('JS writes, wasm reads', () => { new Uint32Array(mo.buffer)[1] = 123456; return ex.load(4); });
  const old = mo.buffer;
  const u8 = new Uint8Array(old);
  show('wasm grow', () => [ex.grow(1), mo.buffer.byteLength, old.byteLength, u8.length, mo.buffer === old]);
  show('after grow', () => [ex.load(4), new Uint32Array(mo.buffer)[1]]);
  show('grow past max in wasm', () => ex.grow(5));
  const b2 = mo.buffer;
  show('JS grow', () => [mo.grow(1), b2.byteLength, mo.buffer.byteLength]);
  show('JS grow past max', () => mo.grow(1));
  show('grow(0) detaches', () => { const b = mo.buffer; mo.grow(0); return [b.byteLength, mo.buffer.byteLength, b === mo.buffer]; });
  show('grow(-1)', () => mo.grow(-1));
  show('grow("x")', () => mo.grow('x'));
}
show('Memory()', () => WebAssembly.Memory({ initial: 1 }));
show('new Memory()', () => new WebAssembly.Memory());
show('new Memory({})', () => new WebAssembly.Memory({}));
show('initial too big', () => new WebAssembly.Memory({ initial: 70000 }));
show('max < initial', () => new WebAssembly.Memory({ initial: 2, maximum: 1 }));
show('initial -1', () => new WebAssembly.Memory({ initial: -1 }));
show('initial NaN', () => new WebAssembly.Memory({ initial: NaN }));
show('new Memory', () => { const mm = new WebAssembly.Memory({ initial: 1, maximum: 2 }); return [mm.buffer.byteLength, mm.grow(1), mm.buffer.byteLength]; });
show('buffer on non-memory', () => Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, 'buffer').get.call({}), true);
show('descriptor getter order', () => {
  const reads = [];
  new WebAssembly.Memory(new Proxy({ initial: 1, maximum: 2 }, { get(t, k) { reads.push(String(k)); return t[k]; } }));
  return reads.filter((k) => k === 'initial' || k === 'maximum');
});
const memImp = build({
  types: [[['i32', 'i32'], []], [['i32'], ['i32']]],
  imports: [{ module: 'env', name: 'memory', kind: 'memory', min: 1 }],
  funcs: [{ type: 0, body: [op.get(0), op.get(1), op.store] }, { type: 1, body: [op.get(0), op.load] }],
  exports: [{ name: 'store', index: 0 }, { name: 'load', index: 1 }, { name: 'mem', kind: 'memory', index: 0 }],
});
{
  const mm = new WebAssembly.Memory({ initial: 1 });
  const ex = new WebAssembly.Instance(new WebAssembly.Module(memImp), { env: { memory: mm } }).exports;
  show('imported memory', () => { ex.store(8, 77); new Uint8Array(mm.buffer)[12] = 5; return [new Uint32Array(mm.buffer)[2], ex.load(12), ex.mem === mm]; });
  show('memory import not memory', () => new WebAssembly.Instance(new WebAssembly.Module(memImp), { env: { memory: {} } }));
  show('memory import too small', () => new WebAssembly.Instance(new WebAssembly.Module(memImp), { env: { memory: new WebAssembly.Memory({ initial: 0 }) } }), true);
  const shared = new WebAssembly.Instance(new WebAssembly.Module(memImp), { env: { memory: mm } }).exports;
  show('two instances, one memory', () => { shared.store(100, 4242); return ex.load(100); });
}

// globals
show('Global i32', () => { const g = new WebAssembly.Global({ value: 'i32', mutable: true }, 42); g.value++; return [g.value, g.valueOf(), String(g)]; });
show('Global i64', () => { const g = new WebAssembly.Global({ value: 'i64', mutable: true }, 5n); g.value = 2n ** 64n + 3n; return g.value; });
show('Global i64 number', () => new WebAssembly.Global({ value: 'i64' }, 5));
show('Global f32', () => new WebAssembly.Global({ value: 'f32' }, 0.1).value);
show('Global default', () => [new WebAssembly.Global({ value: 'f64' }).value, new WebAssembly.Global({ value: 'i64' }).value]);
show('Global immutable set', () => { const g = new WebAssembly.Global({ value: 'i32' }, 1); g.value = 2; });
show('Global bad type', () => new WebAssembly.Global({ value: 'x' }));
show('Global()', () => WebAssembly.Global({ value: 'i32' }));
const glob = build({
  types: [[[], ['i32']], [['i32'], []]],
  imports: [{ module: 'env', name: 'c', kind: 'global', type: 'i32' }, { module: 'env', name: 'v', kind: 'global', type: 'i32', mut: true }],
  globals: [{ type: 'i32', mut: true, init: op.i32(7) }, { type: 'f64', init: op.f64(1.5) }],
  funcs: [{ type: 0, body: [op.gget(0), op.gget(1), op.add, op.gget(2), op.add] }, { type: 1, body: [op.get(0), op.gset(1)] }],
  exports: [{ name: 'sum', index: 0 }, { name: 'setv', index: 1 }, { name: 'g', kind: 'global', index: 2 }, { name: 'h', kind: 'global', index: 3 }, { name: 'v', kind: 'global', index: 1 }],
});
{
  const v = new WebAssembly.Global({ value: 'i32', mutable: true }, 100);
  const ex = new WebAssembly.Instance(new WebAssembly.Module(glob), { env: { c: 10, v } }).exports;
  show('global imports', () => [ex.sum(), (ex.setv(200), v.value), ex.sum(), ex.g.value, ex.h.value, String(ex.g), ex.v === v]);
  show('exported global set', () => { ex.g.value = 1; return ex.sum(); });
  show('exported immutable set', () => { ex.h.value = 1; });
  show('global import not number', () => new WebAssembly.Instance(new WebAssembly.Module(glob), { env: { c: 'x', v } }));
  show('mutable import as number', () => new WebAssembly.Instance(new WebAssembly.Module(glob), { env: { c: 1, v: 2 } }));
  show('global import wrong type', () => new WebAssembly.Instance(new WebAssembly.Module(glob), { env: { c: 1, v: new WebAssembly.Global({ value: 'i64', mutable: true }) } }), true);
}

// start function runs imports at instantiation
const start = build({
  types: [[[], []]],
  imports: [{ module: 'm', name: 'hello', kind: 'func', type: 0 }],
  funcs: [{ type: 0, body: [op.call(0)] }],
  start: 1,
});
show('start', () => { let n = 0; new WebAssembly.Instance(new WebAssembly.Module(start), { m: { hello: () => n++ } }); return n; });
show('start throws', () => new WebAssembly.Instance(new WebAssembly.Module(start), { m: { hello: () => { throw new SyntaxError('in start'); } } }));
const startTrap = build({ types: [[[], []]], funcs: [{ type: 0, body: [op.unreachable] }], start: 0 });
show('start traps', () => new WebAssembly.Instance(new WebAssembly.Module(startTrap)));
show('_start not called', () => { let n = 0; const b = build({ types: [[[], []]], imports: [{ module: 'm', name: 'x', kind: 'func', type: 0 }], funcs: [{ type: 0, body: [op.call(0)] }], exports: [{ name: '_start', index: 1 }] }); new WebAssembly.Instance(new WebAssembly.Module(b), { m: { x: () => n++ } }); return n; });

// vm contexts
show('context', () => vm.runInNewContext('typeof WebAssembly + " " + (WebAssembly === this.WebAssembly) + " " + Object.keys(this).length'));
show('context instance', () => vm.runInNewContext('new WebAssembly.Instance(new WebAssembly.Module(b)).exports.add(20, 22)', { b: add }));
show('context wasm:false', () => vm.runInContext('new WebAssembly.Module(b)', vm.createContext({ b: add }, { codeGeneration: { wasm: false } })));
show('context wasm:false validate', () => vm.runInContext('WebAssembly.validate(b)', vm.createContext({ b: add }, { codeGeneration: { wasm: false } })));
show('context sandbox WebAssembly', () => vm.runInNewContext('WebAssembly', { WebAssembly: 1 }));
show('context own error classes', () => vm.runInNewContext('try { new WebAssembly.Module(new Uint8Array(0)) } catch (e) { [e instanceof WebAssembly.CompileError, e instanceof Error].join() }'));
show('context Uint8Array shadowed', () => vm.runInNewContext('new WebAssembly.Instance(new WebAssembly.Module(b)).exports.add(1, 1)', { b: add, Uint8Array: null, Object: null }));
const loop = build({ types: [[[], []]], funcs: [{ type: 0, body: [op.loop, op.br(0), op.end] }], exports: [{ name: 'spin', index: 0 }] });
show('timeout in wasm', () => vm.runInNewContext('new WebAssembly.Instance(new WebAssembly.Module(b)).exports.spin()', { b: loop }, { timeout: 50 }));
show('usable after timeout', () => vm.runInNewContext('new WebAssembly.Instance(new WebAssembly.Module(b)).exports.add(2, 2)', { b: add }));

// the async API (logged after the synchronous part)
(async () => {
  const r = await WebAssembly.instantiate(add);
  console.log('instantiate bytes', Object.keys(r), fmt(r.module), fmt(r.instance), r.instance.exports.add(1, 1));
  const i2 = await WebAssembly.instantiate(m);
  console.log('instantiate module', fmt(i2), i2.exports.add(2, 2));
  const mc = await WebAssembly.compile(add);
  console.log('compile', fmt(mc));
  for (const [name, p] of [
    ['compile(1)', () => WebAssembly.compile(1)],
    ['compile(empty)', () => WebAssembly.compile(new Uint8Array(0))],
    ['instantiate(1)', () => WebAssembly.instantiate(1)],
    ['instantiate(bytes, 1)', () => WebAssembly.instantiate(add, 1)],
    ['instantiate missing imports', () => WebAssembly.instantiate(imp)],
    ['instantiate link error', () => WebAssembly.instantiate(imp, { env: { f: 1 } })],
    ['instantiate(module, {env:1})', () => WebAssembly.instantiate(im, { env: 1 })],
  ]) {
    const pr = p();
    console.log(name, 'is promise', pr instanceof Promise);
    try { await pr; console.log(name, 'resolved'); } catch (e) { console.log(name, 'rejects', e.constructor.name, e.message); }
  }
  const order = [];
  const pr = WebAssembly.instantiate(start, { m: { hello: () => order.push('start') } });
  order.push('sync');
  await pr;
  console.log('instantiate order', order);
  const ctxCompile = vm.runInContext('WebAssembly.compile(b)', vm.createContext({ b: add }, { codeGeneration: { wasm: false } }));
  try { await ctxCompile; } catch (e) { console.log('context compile', e.constructor.name, e.message); }
})();
