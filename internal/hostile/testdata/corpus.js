// The hostile corpus: every vm entry point called with hostile values in
// each argument and option position, plus hand-written scenarios (sandbox
// traps, membrane stress, runaway code, hostile linkers and module graphs,
// compileFunction parameters, cachedData garbage).
//
// Run as `node --experimental-vm-modules corpus.js [from [to]]` (or under
// jsvm). It prints one JSON line per case, in order:
//   {"n": name, "k": "ok"|"throw"|"resolve"|"reject"|"pending", ...}
// with "v" (what was returned) or "c"/"code"/"m" (what was thrown), and
// "t" (the property reads and traps a tracing value saw, in order).
// corpus.golden holds node's lines; hostile_test.go runs the same cases
// under jsvm and compares (UPDATE_SNAPSHOTS=1 re-records).
'use strict';
const vm = require('vm');

process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

// ---- hostile values ------------------------------------------------------

let trace = [];
const key = (k) => (typeof k === 'symbol' ? `@${k.description}` : String(k));
function tracer(target = {}) {
  return new Proxy(target, {
    get(t, k) { trace.push(`get ${key(k)}`); return Reflect.get(t, k); },
    has(t, k) { trace.push(`has ${key(k)}`); return Reflect.has(t, k); },
    ownKeys(t) { trace.push('ownKeys'); return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor(t, k) { trace.push(`gopd ${key(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
    getPrototypeOf(t) { trace.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
    set(t, k, v) { trace.push(`set ${key(k)}`); return Reflect.set(t, k, v); },
    defineProperty(t, k, d) { trace.push(`define ${key(k)}`); return Reflect.defineProperty(t, k, d); },
  });
}
const boom = (what) => { throw new Error(`boom ${what}`); };
const throwingTraps = {
  get(t, k) { boom(`get ${key(k)}`); },
  has(t, k) { boom(`has ${key(k)}`); },
  ownKeys() { boom('ownKeys'); },
  getOwnPropertyDescriptor(t, k) { boom(`gopd ${key(k)}`); },
  getPrototypeOf() { boom('getPrototypeOf'); },
  set(t, k) { boom(`set ${key(k)}`); },
  defineProperty(t, k) { boom(`define ${key(k)}`); },
  deleteProperty(t, k) { boom(`delete ${key(k)}`); },
  apply() { boom('apply'); },
  construct() { boom('construct'); },
};
// every option name of the vm API, as a throwing getter
const optionNames = ['filename', 'lineOffset', 'columnOffset', 'cachedData', 'produceCachedData',
  'importModuleDynamically', 'timeout', 'displayErrors', 'breakOnSigint', 'contextName',
  'contextOrigin', 'contextCodeGeneration', 'microtaskMode', 'name', 'origin', 'codeGeneration',
  'strings', 'wasm', 'parsingContext', 'contextExtensions', 'mode', 'execution', 'identifier',
  'context', 'initializeImportMeta', 'length', '0', 'then'];
function throwingGetters() {
  const o = {};
  for (const n of optionNames) Object.defineProperty(o, n, { get() { boom(`getter ${n}`); }, enumerable: true });
  return o;
}

const values = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['0', () => 0],
  ['-0', () => -0],
  ['1', () => 1],
  ['-1', () => -1],
  ['1.5', () => 1.5],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['2**31', () => 2 ** 31],
  ['2**32', () => 2 ** 32],
  ['2**53', () => 2 ** 53],
  ['-2**53', () => -(2 ** 53)],
  ['empty-string', () => ''],
  ['string', () => 'x'],
  ['lone-surrogate', () => '\ud800'],
  ['nul-string', () => 'a\0b'],
  ['long-string', () => 'x'.repeat(100000)],
  ['symbol', () => Symbol('s')],
  ['bigint', () => 10n],
  ['object', () => ({})],
  ['array', () => []],
  ['string-array', () => ['a', 'b']],
  ['null-proto', () => Object.create(null)],
  ['function', () => function f() {}],
  ['class', () => class C {}],
  ['proxy', () => new Proxy({}, {})],
  ['function-proxy', () => new Proxy(function g() {}, {})],
  ['revoked-proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }],
  ['revoked-function-proxy', () => { const r = Proxy.revocable(function h() {}, {}); r.revoke(); return r.proxy; }],
  ['throwing-proxy', () => new Proxy({}, throwingTraps)],
  ['throwing-getters', throwingGetters],
  ['throwing-toString', () => ({ toString() { boom('toString'); }, valueOf() { boom('valueOf'); } })],
  ['throwing-toPrimitive', () => ({ [Symbol.toPrimitive]() { boom('toPrimitive'); } })],
  ['recursive-toString', () => { const o = { toString() { return `${o}`; } }; return o; }],
  ['number-object', () => new Number(1)],
  ['string-object', () => new String('x')],
  ['uint8array', () => new Uint8Array([1, 2, 3])],
  ['buffer-garbage', () => Buffer.from('garbage')],
  ['dataview', () => new DataView(new ArrayBuffer(8))],
  ['arraybuffer', () => new ArrayBuffer(8)],
  ['date', () => new Date(0)],
  ['regexp', () => /x/],
  // its stack is fixed: messages that inspect it would show file paths
  ['error', () => { const e = new Error('e'); e.stack = 'Error: e'; return e; }],
  ['promise', () => Promise.resolve(1)],
  ['never-settling-promise', () => new Promise(() => {})],
  ['throwing-thenable', () => ({ get then() { boom('then'); } })],
  ['context', () => vm.createContext()],
  ['foreign-object', () => vm.runInNewContext('({})')],
  ['foreign-function', () => vm.runInNewContext('(function () {})')],
  ['tracing-proxy', () => tracer()],
];

// ---- entry points x positions -------------------------------------------

const cases = [];
const add = (name, fn) => cases.push([name, fn]);

const ctx = () => vm.createContext();
const script = () => new vm.Script('1');
const opt = (k) => (v) => ({ [k]: v });
const { SourceTextModule, SyntheticModule } = vm;
const linked = async (src = 'export default 1', options) => {
  const m = new SourceTextModule(src, options);
  await m.link(() => { throw new Error('no imports expected'); });
  return m;
};
const synthetic = () => new SyntheticModule(['x'], function () { this.setExport('x', 1); });
const getter = (C, name) => Object.getOwnPropertyDescriptor(C.prototype, name).get;
// V8 ignores cachedData when its in-process compilation cache already holds
// the script (then nothing is rejected), so every consumer compiles source
// text never seen before
let fresh = 0;
const unique = (code) => `${code} // ${fresh++}`;

const positions = [
  // vm.Script and its run methods
  ['new Script(code)', (v) => new vm.Script(v)],
  ['new Script(_, options)', (v) => new vm.Script('1', v)],
  ['new Script options.filename', (v) => new vm.Script('1', opt('filename')(v))],
  ['new Script options.lineOffset', (v) => new vm.Script('1', opt('lineOffset')(v))],
  ['new Script options.columnOffset', (v) => new vm.Script('1', opt('columnOffset')(v))],
  ['new Script options.cachedData', (v) => new vm.Script(unique('1'), opt('cachedData')(v)).cachedDataRejected],
  ['new Script options.produceCachedData', (v) => new vm.Script('1', opt('produceCachedData')(v)).cachedDataProduced],
  ['new Script options.importModuleDynamically', (v) => new vm.Script('1', opt('importModuleDynamically')(v))],
  ['Script() without new', (v) => vm.Script(v)],
  ['Script#runInThisContext(options)', (v) => script().runInThisContext(v)],
  ['Script#runInThisContext options.timeout', (v) => script().runInThisContext(opt('timeout')(v))],
  ['Script#runInThisContext options.displayErrors', (v) => script().runInThisContext(opt('displayErrors')(v))],
  ['Script#runInThisContext options.breakOnSigint', (v) => script().runInThisContext(opt('breakOnSigint')(v))],
  ['Script#runInThisContext this', (v) => vm.Script.prototype.runInThisContext.call(v)],
  ['Script#runInContext(context)', (v) => script().runInContext(v)],
  ['Script#runInContext(_, options)', (v) => script().runInContext(ctx(), v)],
  ['Script#runInContext options.timeout', (v) => script().runInContext(ctx(), opt('timeout')(v))],
  ['Script#runInContext this', (v) => vm.Script.prototype.runInContext.call(v, ctx())],
  ['Script#runInNewContext(contextObject)', (v) => script().runInNewContext(v)],
  ['Script#runInNewContext(_, options)', (v) => script().runInNewContext({}, v)],
  ['Script#runInNewContext options.contextName', (v) => script().runInNewContext({}, opt('contextName')(v))],
  ['Script#runInNewContext options.contextOrigin', (v) => script().runInNewContext({}, opt('contextOrigin')(v))],
  ['Script#runInNewContext options.contextCodeGeneration', (v) => script().runInNewContext({}, opt('contextCodeGeneration')(v))],
  ['Script#runInNewContext options.contextCodeGeneration.strings', (v) => script().runInNewContext({}, { contextCodeGeneration: { strings: v } })],
  ['Script#runInNewContext options.contextCodeGeneration.wasm', (v) => script().runInNewContext({}, { contextCodeGeneration: { wasm: v } })],
  ['Script#runInNewContext options.microtaskMode', (v) => script().runInNewContext({}, opt('microtaskMode')(v))],
  ['Script#createCachedData this', (v) => vm.Script.prototype.createCachedData.call(v)],
  // the vm functions
  ['runInThisContext(code)', (v) => vm.runInThisContext(v)],
  ['runInThisContext(_, options)', (v) => vm.runInThisContext('1', v)],
  ['runInContext(code, _)', (v) => vm.runInContext(v, ctx())],
  ['runInContext(_, context)', (v) => vm.runInContext('1', v)],
  ['runInContext(_, _, options)', (v) => vm.runInContext('1', ctx(), v)],
  ['runInContext options.filename', (v) => vm.runInContext('1', ctx(), opt('filename')(v))],
  ['runInContext options.timeout', (v) => vm.runInContext('1', ctx(), opt('timeout')(v))],
  ['runInNewContext(code)', (v) => vm.runInNewContext(v)],
  ['runInNewContext(_, contextObject)', (v) => vm.runInNewContext('typeof globalThis', v)],
  ['runInNewContext(_, _, options)', (v) => vm.runInNewContext('1', {}, v)],
  ['runInNewContext options.contextName', (v) => vm.runInNewContext('1', {}, opt('contextName')(v))],
  ['runInNewContext options.microtaskMode', (v) => vm.runInNewContext('1', {}, opt('microtaskMode')(v))],
  ['runInNewContext options.timeout', (v) => vm.runInNewContext('1', {}, opt('timeout')(v))],
  ['createContext(contextObject)', (v) => vm.createContext(v) === v],
  ['createContext(_, options)', (v) => vm.createContext({}, v)],
  ['createContext options.name', (v) => vm.createContext({}, opt('name')(v))],
  ['createContext options.origin', (v) => vm.createContext({}, opt('origin')(v))],
  ['createContext options.codeGeneration', (v) => vm.createContext({}, opt('codeGeneration')(v))],
  ['createContext options.codeGeneration.strings', (v) => vm.createContext({}, { codeGeneration: { strings: v } })],
  ['createContext options.codeGeneration.wasm', (v) => vm.createContext({}, { codeGeneration: { wasm: v } })],
  ['createContext options.microtaskMode', (v) => vm.createContext({}, opt('microtaskMode')(v))],
  ['isContext(object)', (v) => vm.isContext(v)],
  ['createScript(code, options)', (v) => vm.createScript('1', v)],
  // compileFunction
  ['compileFunction(code)', (v) => vm.compileFunction(v)],
  ['compileFunction(_, params)', (v) => vm.compileFunction('return 1', v)],
  ['compileFunction(_, [param])', (v) => vm.compileFunction('return 1', [v])],
  ['compileFunction(_, _, options)', (v) => vm.compileFunction('return 1', [], v)],
  ['compileFunction options.filename', (v) => vm.compileFunction('return 1', [], opt('filename')(v))],
  ['compileFunction options.lineOffset', (v) => vm.compileFunction('return 1', [], opt('lineOffset')(v))],
  ['compileFunction options.columnOffset', (v) => vm.compileFunction('return 1', [], opt('columnOffset')(v))],
  ['compileFunction options.cachedData', (v) => vm.compileFunction(unique('return 1'), [], opt('cachedData')(v)).cachedDataRejected],
  ['compileFunction options.produceCachedData', (v) => vm.compileFunction('return 1', [], opt('produceCachedData')(v)).cachedDataProduced],
  ['compileFunction options.parsingContext', (v) => vm.compileFunction('return 1', [], opt('parsingContext')(v))],
  ['compileFunction options.contextExtensions', (v) => vm.compileFunction('return 1', [], opt('contextExtensions')(v))],
  ['compileFunction options.contextExtensions[0]', (v) => vm.compileFunction('return 1', [], { contextExtensions: [v] })],
  ['compileFunction options.importModuleDynamically', (v) => vm.compileFunction('return 1', [], opt('importModuleDynamically')(v))],
  // measureMemory (its promise settles at node's next GC: not awaited)
  ['measureMemory(options)', (v) => tagOf(vm.measureMemory(v))],
  ['measureMemory options.mode', (v) => tagOf(vm.measureMemory(opt('mode')(v)))],
  ['measureMemory options.execution', (v) => tagOf(vm.measureMemory(opt('execution')(v)))],
  // SourceTextModule
  ['new SourceTextModule(code)', (v) => new SourceTextModule(v)],
  ['new SourceTextModule(_, options)', (v) => new SourceTextModule('', v)],
  // identifiers made up by vm are numbered by how many modules came before
  ['new SourceTextModule options.identifier', (v) => new SourceTextModule('', opt('identifier')(v)).identifier.replace(/^vm:module\(\d+\)$/, 'vm:module(N)')],
  ['new SourceTextModule options.context', (v) => new SourceTextModule('', opt('context')(v))],
  ['new SourceTextModule options.lineOffset', (v) => new SourceTextModule('', opt('lineOffset')(v))],
  ['new SourceTextModule options.columnOffset', (v) => new SourceTextModule('', opt('columnOffset')(v))],
  ['new SourceTextModule options.cachedData', (v) => new SourceTextModule(unique(''), opt('cachedData')(v))],
  ['new SourceTextModule options.initializeImportMeta', (v) => new SourceTextModule('', opt('initializeImportMeta')(v))],
  ['new SourceTextModule options.importModuleDynamically', (v) => new SourceTextModule('', opt('importModuleDynamically')(v))],
  ['SourceTextModule#link(linker)', (v) => new SourceTextModule('').link(v)],
  ['linker returns value', async (v) => { const m = new SourceTextModule('import "a"'); await m.link(() => v); return m.status; }],
  ['async linker resolves value', async (v) => { const m = new SourceTextModule('import "a"'); await m.link(async () => v); return m.status; }],
  ['SourceTextModule#evaluate(options)', async (v) => (await linked()).evaluate(v)],
  ['SourceTextModule#evaluate options.timeout', async (v) => (await linked()).evaluate(opt('timeout')(v))],
  ['SourceTextModule#evaluate options.breakOnSigint', async (v) => (await linked()).evaluate(opt('breakOnSigint')(v))],
  ['SourceTextModule#createCachedData this', (v) => SourceTextModule.prototype.createCachedData.call(v)],
  ['SourceTextModule#link this', (v) => SourceTextModule.prototype.link.call(v, () => {})],
  ['Module#status this', (v) => getter(vm.Module, 'status').call(v)],
  ['Module#namespace this', (v) => getter(vm.Module, 'namespace').call(v)],
  ['Module#identifier this', (v) => getter(vm.Module, 'identifier').call(v)],
  ['Module#error this', (v) => getter(vm.Module, 'error').call(v)],
  ['import.meta initializer receives value', async (v) => {
    const m = new SourceTextModule('export default import.meta.x', { initializeImportMeta(meta) { meta.x = v; } });
    await m.link(() => {}); await m.evaluate(); const x = m.namespace.default; return x === v ? 'same' : typeof x;
  }],
  ['importModuleDynamically returns value', async (v) => {
    const m = new SourceTextModule('export default import("x")', { importModuleDynamically: () => v });
    await m.link(() => {}); await m.evaluate(); return m.namespace.default.then(() => 'imported');
  }],
  // SyntheticModule
  ['new SyntheticModule(exportNames)', (v) => new SyntheticModule(v, () => {})],
  ['new SyntheticModule([exportName])', (v) => new SyntheticModule([v], () => {})],
  ['new SyntheticModule(_, evaluateCallback)', (v) => new SyntheticModule([], v)],
  ['new SyntheticModule(_, _, options)', (v) => new SyntheticModule([], () => {}, v)],
  ['new SyntheticModule options.identifier', (v) => new SyntheticModule([], () => {}, opt('identifier')(v)).identifier.replace(/^vm:module\(\d+\)$/, 'vm:module(N)')],
  ['new SyntheticModule options.context', (v) => new SyntheticModule([], () => {}, opt('context')(v))],
  ['SyntheticModule#setExport(name) unlinked', (v) => synthetic().setExport(v, 1)],
  ['SyntheticModule#setExport(name) linked', async (v) => { const m = synthetic(); await m.link(() => {}); m.setExport(v, 1); return 'set'; }],
  ['SyntheticModule#setExport(_, value)', async (v) => { const m = synthetic(); await m.link(() => {}); await m.evaluate(); m.setExport('x', v); return m.namespace.x === v || Object.is(m.namespace.x, v); }],
  ['SyntheticModule#setExport this', (v) => SyntheticModule.prototype.setExport.call(v, 'x', 1)],
  ['synthetic evaluate callback returns value', async (v) => { const m = new SyntheticModule([], () => v); await m.link(() => {}); await m.evaluate(); return m.status; }],
];

for (const [pos, call] of positions) {
  for (const [vname, make] of values) {
    if (/timeout/.test(pos) && vname === '1') continue; // whether 1 ms is enough for node depends on the machine
    add(`${pos} / ${vname}`, () => call(make()));
  }
}

// ---- sandbox traps --------------------------------------------------------

const trapNames = ['get', 'set', 'has', 'defineProperty', 'deleteProperty', 'getOwnPropertyDescriptor', 'ownKeys', 'getPrototypeOf'];
const trapCodes = ['x', 'x = 1', 'var v = 1', 'function f() {}', 'delete x', 'typeof x', 'Object.keys(globalThis)',
  '"x" in globalThis', 'Object.getPrototypeOf(globalThis)', 'globalThis.x'];
const trapKinds = {
  throws: () => { boom('trap'); },
  'throws-primitive': () => { throw 7; },
  recurses: function r() { return r(); },
  'runs vm': () => vm.runInNewContext('1 + 1'),
};
for (const trap of trapNames) {
  for (const [kind, fn] of Object.entries(trapKinds)) {
    for (const code of trapCodes) {
      add(`sandbox trap ${trap} ${kind} / ${code}`, () => {
        const sb = new Proxy({ x: 1 }, { [trap]: fn });
        vm.createContext(sb);
        const r = vm.runInContext(code, sb);
        return Array.isArray(r) ? r.length : r;
      });
    }
  }
}
// traps that re-enter the same context
for (const code of trapCodes) {
  add(`sandbox trap re-enters its context / ${code}`, () => {
    let depth = 0;
    const sb = vm.createContext(new Proxy({ x: 1 }, {
      get(t, k, r) { if (depth++ < 5 && k === 'x') return vm.runInContext('typeof x', sb); return Reflect.get(t, k, r); },
    }));
    return vm.runInContext(code, sb);
  });
}
add('sandbox trap re-enters with a timeout / x', () => {
  const sb = vm.createContext(new Proxy({}, { get(t, k) { return k === 'x' ? vm.runInContext('while (true) {}', sb, { timeout: 20 }) : undefined; } }));
  return vm.runInContext('x', sb);
});
add('sandbox getter throws a foreign error', () => {
  const sb = vm.createContext({});
  Object.defineProperty(sb, 'g', { get() { throw vm.runInContext('new TypeError("foreign")', sb); } });
  return vm.runInContext('try { g } catch (e) { [e instanceof TypeError, e.message] }', sb);
});
add('sandbox is a revoked proxy after createContext', () => {
  const r = Proxy.revocable({}, {});
  vm.createContext(r.proxy);
  r.revoke();
  return vm.runInContext('1 + 1', r.proxy);
});
add('sandbox revoked during the run', () => {
  const r = Proxy.revocable({ revoke: () => r.revoke() }, {});
  vm.createContext(r.proxy);
  return vm.runInContext('revoke(); typeof x', r.proxy);
});
add('sandbox frozen', () => { const sb = vm.createContext(Object.freeze({ a: 1 })); return vm.runInContext('var b = 2; a = 5; [a, typeof b]', sb); });
add('sandbox frozen strict', () => { const sb = vm.createContext(Object.freeze({ a: 1 })); return vm.runInContext('"use strict"; a = 5', sb); });
add('sandbox non-extensible var', () => { const sb = vm.createContext(Object.preventExtensions({})); return vm.runInContext('var q = 1; q', sb); });
add('sandbox with accessor that runs the context', () => {
  const sb = vm.createContext({});
  Object.defineProperty(sb, 'a', { get() { return vm.runInContext('typeof a', sb); } });
  return vm.runInContext('a', sb);
});
add('sandbox prototype chain getter throws', () => {
  const proto = {}; Object.defineProperty(proto, 'p', { get() { boom('proto'); } });
  const sb = vm.createContext(Object.create(proto));
  return vm.runInContext('p', sb);
});
add('sandbox is a function', () => vm.runInNewContext('typeof this', function () {}));
add('sandbox is an array', () => vm.runInNewContext('length', [1, 2, 3]));
add('sandbox is a Map', () => vm.runInNewContext('typeof size', new Map()));
add('sandbox is a typed array', () => vm.runInNewContext('[0] + length', new Uint8Array(2)));
add('sandbox is a Date', () => vm.runInNewContext('typeof getTime', new Date(0)));
add('sandbox is another context global', () => { const g = vm.runInNewContext('globalThis'); return vm.runInNewContext('typeof Array', g); });
add('sandbox is a foreign proxy', () => { const p = vm.runInNewContext('new Proxy({ z: 3 }, {})'); vm.createContext(p); return vm.runInContext('z', p); });
add('contextify twice with options', () => { const o = {}; vm.createContext(o, { name: 'a' }); return vm.createContext(o, { name: 5 }) === o; });
add('sandbox defines Symbol.unscopables', () => vm.runInNewContext('x', { x: 1, [Symbol.unscopables]: { x: true } }));

// ---- membrane stress -----------------------------------------------------

add('membrane identity after 100 crossings', () => {
  const o = {};
  let v = o;
  const cs = Array.from({ length: 10 }, () => vm.createContext({}));
  for (let i = 0; i < 100; i++) { const c = cs[i % 10]; c.v = v; v = vm.runInContext('v', c); }
  return v === o;
});
add('membrane proxy of a foreign proxy of a host proxy', () => {
  const host = new Proxy({ a: 1 }, {});
  const c = vm.createContext({ host });
  const p = vm.runInContext('new Proxy(host, { get: (t, k) => k === "a" ? t.a + 1 : t[k] })', c);
  const c2 = vm.createContext({ p });
  return vm.runInContext('new Proxy(p, {}).a', c2);
});
add('membrane proxy chain of 1000', () => {
  let p = { a: 1 };
  for (let i = 0; i < 1000; i++) p = new Proxy(p, {});
  return vm.runInNewContext('p.a', { p });
});
add('membrane revoked proxy crossing', () => {
  const r = Proxy.revocable({}, {}); r.revoke();
  return vm.runInNewContext('try { p.x } catch (e) { e.constructor === TypeError }', { p: r.proxy });
});
add('membrane revoked foreign proxy read from host', () => {
  const p = vm.runInNewContext('const r = Proxy.revocable({}, {}); r.revoke(); r.proxy');
  return p.x;
});
add('membrane revoked foreign proxy typeof', () => typeof vm.runInNewContext('const r = Proxy.revocable(function () {}, {}); r.revoke(); r.proxy'));
add('membrane function crossing back and forth 50 times', () => {
  const c = vm.createContext({ f: (x) => x + 1 });
  let g = vm.runInContext('(x) => f(x) * 2', c);
  for (let i = 0; i < 50; i++) { c.g = g; g = vm.runInContext('g', c); }
  return g(1);
});
add('membrane deep recursion across contexts', () => {
  const a = vm.createContext({}); const b = vm.createContext({});
  a.b = vm.runInContext('(n, f) => n === 0 ? 0 : 1 + f(n - 1, f)', b);
  return vm.runInContext('b(200, (n, f) => n === 0 ? 0 : 1 + b(n - 1, f))', a);
});
add('membrane error crossing keeps class', () => {
  const e = vm.runInNewContext('new RangeError("r")');
  return [e instanceof RangeError, e.name, e.message, Object.prototype.toString.call(e)];
});
add('membrane host error thrown into context', () => vm.runInNewContext('try { f() } catch (e) { [e instanceof Error, e.message] }', { f: () => { throw new Error('h'); } }));
add('membrane foreign promise awaited', async () => await vm.runInNewContext('Promise.resolve(5)'));
add('membrane foreign rejected promise', async () => vm.runInNewContext('Promise.reject(new TypeError("t"))'));
add('membrane foreign thenable throws', async () => vm.runInNewContext('({ get then() { throw new SyntaxError("th") } })'));
add('membrane foreign array methods', () => vm.runInNewContext('[3, 1, 2]').sort().join());
add('membrane foreign array iterator patched', () => {
  const c = vm.createContext({});
  vm.runInContext('Array.prototype[Symbol.iterator] = function* () {}', c);
  const a = vm.runInContext('[1, 2, 3]', c);
  return [Object.keys(a).length, a.length];
});
add('membrane foreign Object.keys patched', () => {
  const c = vm.createContext({});
  vm.runInContext('Object.keys = () => { throw new Error("patched") }; Reflect.ownKeys = Object.keys', c);
  return Object.keys(vm.runInContext('({ a: 1, b: 2 })', c)).join();
});
add('membrane foreign getter throws foreign error', () => {
  const o = vm.runInNewContext('({ get x() { throw new TypeError("g") } })');
  return o.x;
});
add('membrane foreign non-configurable property', () => {
  const o = vm.runInNewContext('Object.defineProperty({}, "k", { value: 1 })');
  return JSON.stringify(Object.getOwnPropertyDescriptor(o, 'k'));
});
add('membrane foreign frozen array', () => {
  const a = vm.runInNewContext('Object.freeze([1, 2])');
  return [Object.isFrozen(a), Array.isArray(a), a.length];
});
add('membrane define on foreign frozen object', () => {
  const o = vm.runInNewContext('Object.freeze({})');
  Object.defineProperty(o, 'x', { value: 1 });
});
add('membrane prototype cycle across realms', () => {
  const a = {}; const b = vm.runInNewContext('({})');
  Object.setPrototypeOf(b, a);
  Object.setPrototypeOf(a, b);
});
add('membrane setPrototypeOf foreign to itself', () => { const b = vm.runInNewContext('({})'); Object.setPrototypeOf(b, b); });
add('membrane foreign class extended in host', () => {
  const B = vm.runInNewContext('(class B { constructor() { this.b = 1 } })');
  class D extends B { constructor() { super(); this.d = 2; } }
  const d = new D();
  return [d.b, d.d, d instanceof B, d instanceof D];
});
add('membrane host class extended in context', () => {
  class H { constructor() { this.h = 1; } }
  return vm.runInNewContext('class D extends H {}; const d = new D(); [d.h, d instanceof H]', { H });
});
add('membrane foreign function called with host this', () => vm.runInNewContext('(function () { return typeof this })').call({}));
add('membrane foreign function new.target', () => { const F = vm.runInNewContext('(function F() { return new.target === F })'); return new F() instanceof Object; });
add('membrane symbol-keyed properties', () => {
  const s = Symbol('k');
  return vm.runInNewContext('o[s]', { o: { [s]: 9 }, s });
});
add('membrane Symbol.for across contexts', () => vm.runInNewContext('Symbol.for("k")') === Symbol.for('k'));
add('membrane foreign Symbol.toPrimitive', () => `${vm.runInNewContext('({ [Symbol.toPrimitive]() { return "prim" } })')}`);
add('membrane JSON.stringify of foreign object', () => JSON.stringify(vm.runInNewContext('({ a: [1, { b: new Date(0) }] })')));
add('membrane JSON.stringify foreign toJSON throws', () => JSON.stringify(vm.runInNewContext('({ toJSON() { throw new EvalError("j") } })')));
add('membrane foreign array buffer shared bytes', () => {
  const u = vm.runInNewContext('new Uint8Array(4)');
  u[0] = 7;
  return vm.runInNewContext('u[0] + u.length', { u });
});
add('membrane foreign map iteration', () => [...vm.runInNewContext('new Map([[1, 2], [3, 4]])')].join());
add('membrane foreign generator', () => [...vm.runInNewContext('(function* () { yield 1; yield 2 })()')].join());
add('membrane foreign arguments object', () => vm.runInNewContext('(function () { return arguments })(1, 2)').length);
add('membrane object in 100 contexts', () => {
  const o = { n: 0 };
  for (let i = 0; i < 100; i++) vm.runInNewContext('o.n++', { o });
  return o.n;
});
add('membrane instanceof across contexts', () => {
  const c = vm.createContext({});
  const A = vm.runInContext('Array', c);
  return [vm.runInContext('[]', c) instanceof A, [] instanceof A, vm.runInContext('[]', c) instanceof Array];
});
add('membrane foreign function toString', () => vm.runInNewContext('(function named(a, b) { return a })').toString());
add('membrane foreign bound function', () => vm.runInNewContext('(function (a) { return this.k + a }).bind({ k: 1 })')(2));
add('membrane Reflect.ownKeys of foreign global', () => Reflect.ownKeys(vm.runInNewContext('globalThis', { q: 1 })).includes('q'));
add('membrane foreign object as WeakMap key', () => { const w = new WeakMap(); const o = vm.runInNewContext('({})'); w.set(o, 1); return w.get(o); });
add('membrane foreign proxy with throwing ownKeys', () => Object.keys(vm.runInNewContext('new Proxy({}, { ownKeys() { throw new URIError("ok") } })')));
add('membrane foreign proxy with invariant-breaking ownKeys', () => Object.keys(vm.runInNewContext('new Proxy(Object.preventExtensions({ a: 1 }), { ownKeys() { return [] } })')));
add('membrane foreign proxy getPrototypeOf lies', () => Object.getPrototypeOf(vm.runInNewContext('new Proxy({}, { getPrototypeOf() { return Array.prototype } })')) === Array.prototype);

// ---- runaway code under timeout -------------------------------------------

const runaway = [
  'while (true) {}',
  'for (;;) {}',
  'do {} while (true)',
  'function f() { for (;;) {} } f()',
  'try { while (true) {} } finally { }',
  'try { while (true) {} } catch (e) { }',
  'try { while (true) {} } finally { while (true) {} }',
  'const a = []; while (true) { a.length = 0; a.push(1) }',
  '[1, 2, 3].forEach(function f() { while (true) {} })',
  'new Array(10).fill(0).map(() => { for (;;) {} })',
  'JSON.parse("[1]", () => { for (;;) {} })',
  '"abc".replace(/b/, () => { for (;;) {} })',
  'Array.from({ length: 1e9 }, (x, i) => i)',
  'let s = 0; for (let i = 0; i < 1e12; i++) s += i',
  'class A { constructor() { for (;;) {} } } new A()',
  'const o = { get x() { for (;;) {} } }; o.x',
  'new Proxy({}, { get() { for (;;) {} } }).x',
  'function* g() { while (true) yield 1 } for (const x of g()) {}',
  '(async () => { for (;;) {} })()',
  'eval("while (true) {}")',
  'new Function("while (true) {}")()',
  'String(Symbol.iterator); while (true) {}',
  'label: for (;;) { continue label }',
];
const timeoutRunners = {
  runInNewContext: (code) => vm.runInNewContext(code, {}, { timeout: 20 }),
  runInContext: (code) => vm.runInContext(code, vm.createContext({}), { timeout: 20 }),
  runInThisContext: (code) => vm.runInThisContext(code, { timeout: 20 }),
  afterEvaluate: (code) => vm.runInContext(code, vm.createContext({}, { microtaskMode: 'afterEvaluate' }), { timeout: 20 }),
};
// jobs queued by the run run after it, outside the timeout, except with
// microtaskMode 'afterEvaluate' (there node bounds them too)
runaway.push('Promise.resolve().then(() => { for (;;) {} }); 1', '(async () => { await null; for (;;) {} })()');
for (const [runner, run] of Object.entries(timeoutRunners)) {
  for (const code of runaway) {
    if (runner !== 'afterEvaluate' && /then|await/.test(code)) continue;
    add(`timeout ${runner} / ${code}`, () => { const r = run(code); return r && typeof r.then === 'function' ? 'a promise' : r; });
  }
}
add('timeout context usable afterwards', () => {
  const c = vm.createContext({ n: 1 });
  try { vm.runInContext('while (true) {}', c, { timeout: 10 }); } catch (e) {}
  return vm.runInContext('n + 1', c);
});
add('timeout nested inner fires', () => vm.runInNewContext('run("while (true) {}")', { run: (c) => vm.runInNewContext(c, {}, { timeout: 10 }) }, { timeout: 2000 }));
add('timeout nested inner caught, outer continues', () => vm.runInNewContext('try { run("while (true) {}") } catch (e) { "caught " + e.code }', { run: (c) => vm.runInNewContext(c, {}, { timeout: 10 }) }, { timeout: 2000 }));
add('timeout nested outer fires during inner', () => vm.runInNewContext('run("while (true) {}")', { run: (c) => vm.runInNewContext(c, {}, { timeout: 5000 }) }, { timeout: 20 }));
// the thrown value is not read here: only what vm itself does with it
const caught = (f) => { try { f(); return 'returned'; } catch (e) { return `caught ${typeof e}`; } };
add('timeout thrown value getter loops', () => caught(() => vm.runInNewContext('throw { get message() { for (;;) {} } }', {}, { timeout: 50 })));
add('timeout thrown value name getter loops', () => caught(() => vm.runInNewContext('throw { get name() { for (;;) {} }, message: "m" }', {}, { timeout: 50 })));
add('timeout thrown value toString loops', () => caught(() => vm.runInNewContext('throw { toString() { for (;;) {} } }', {}, { timeout: 50 })));
// (node v20 itself hangs on a thrown error whose stack getter loops, and on
// a thrown Proxy whose traps loop: not recorded)
add('timeout compiled function runaway', () => vm.runInNewContext('f()', { f: vm.compileFunction('for (;;) {}') }, { timeout: 20 }));
add('timeout module evaluate runaway', async () => { const m = await linked('while (true) {}'); return m.evaluate({ timeout: 20 }); });
add('timeout module evaluate runaway then status', async () => { const m = await linked('for (;;) {}'); try { await m.evaluate({ timeout: 20 }); } catch (e) {} return [m.status, m.error.code]; });
add('timeout -0 accepted?', () => vm.runInNewContext('1', {}, { timeout: -0 }));
add('timeout 4294967295', () => vm.runInNewContext('2', {}, { timeout: 4294967295 }));
add('timeout 4294967296', () => vm.runInNewContext('2', {}, { timeout: 4294967296 }));

// ---- hostile linkers and module graphs -------------------------------------

const linkerCases = {
  'returns undefined': () => undefined,
  'returns a plain object': () => ({}),
  'returns a number': () => 1,
  'returns a Script': () => new vm.Script('1'),
  'returns a namespace': async () => (await linked()).namespace,
  'returns a revoked proxy': () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
  'returns a throwing proxy': () => new Proxy({}, throwingTraps),
  'returns a proxy of a module': () => new Proxy(new SourceTextModule(''), {}),
  'returns a module of another context': () => new SourceTextModule('', { context: vm.createContext() }),
  'returns a synthetic module of another context': () => new SyntheticModule([], () => {}, { context: vm.createContext() }),
  'throws': () => { boom('linker'); },
  'throws a primitive': () => { throw 42; },
  'throws null': () => { throw null; },
  'rejects': () => Promise.reject(new RangeError('rejected')),
  'returns a throwing thenable': () => ({ get then() { boom('then'); } }),
  'returns a thenable that never calls back': () => ({ then() {} }),
  'returns a thenable resolving to a module': () => ({ then(r) { r(new SourceTextModule('')); } }),
  'returns the referrer': (s, ref) => ref,
  'returns an errored module': async () => { const m = await linked('throw new Error("err")'); try { await m.evaluate(); } catch (e) {} return m; },
  'returns a module whose link failed': async () => { const m = new SourceTextModule('import "z"'); try { await m.link(() => { throw new Error('inner'); }); } catch (e) {} return m; },
  'returns an evaluated module': async () => { const m = await linked(); await m.evaluate(); return m; },
  'returns a synthetic module': () => new SyntheticModule(['default'], function () { this.setExport('default', 1); }),
  'returns a module linking elsewhere': () => { const m = new SourceTextModule('import "q"'); m.link(() => new Promise(() => {})); return m; },
  'calls link on the referrer': (s, ref) => ref.link(() => new SourceTextModule('')),
  'calls evaluate on the referrer': async (s, ref) => { await ref.evaluate().catch(() => {}); return new SourceTextModule(''); },
  'returns a module with a syntax error': () => new SourceTextModule('export {'),
  'returns a module missing the export': () => new SourceTextModule('export const other = 1'),
  'returns the same new module each time': (() => { let m; return () => (m ||= new SourceTextModule('export const x = 1')); })(),
  'returns a new module each call': () => new SourceTextModule('export const x = 1'),
  'never settles': () => new Promise(() => {}),
  'returns a module after a macrotask': () => new Promise((r) => setTimeout(() => r(new SourceTextModule('export const x = 1')), 1)),
  'returns an async-evaluating cycle': (s, ref) => ref,
};
const importers = {
  'import "dep"': 'import "dep"',
  'import { x } from "dep"': 'import { x } from "dep"; export { x }',
  'two imports': 'import "dep1"; import "dep2"',
};
for (const [lname, linker] of Object.entries(linkerCases)) {
  for (const [iname, src] of Object.entries(importers)) {
    add(`linker ${lname} / ${iname}`, async () => {
      const m = new SourceTextModule(src);
      let status;
      try {
        await m.link(linker);
        status = m.status;
        await m.evaluate();
        return ['evaluated', status, m.status];
      } catch (e) {
        throw e;
      }
    });
  }
}
add('linker re-entrant link of the dependency', async () => {
  const dep = new SourceTextModule('export const x = 1');
  const m = new SourceTextModule('import { x } from "d"; export default x');
  await m.link(async () => { await dep.link(() => {}); return dep; });
  await m.evaluate();
  return m.namespace.default;
});
add('linker links the same module twice concurrently', async () => {
  const m = new SourceTextModule('import "d"');
  const dep = new SourceTextModule('');
  const p1 = m.link(() => dep);
  const p2 = m.link(() => dep);
  return Promise.allSettled([p1, p2]).then((r) => r.map((x) => x.status + (x.reason ? ' ' + x.reason.code : '')));
});
add('linker: link after failed link', async () => {
  const m = new SourceTextModule('import "d"');
  try { await m.link(() => { boom('first'); }); } catch (e) {}
  return m.link(() => new SourceTextModule(''));
});
add('module graph cycle of two', async () => {
  const a = new SourceTextModule('import { b } from "b"; export const a = 1; export const getB = () => b');
  const b = new SourceTextModule('import { a } from "a"; export const b = 2; export const getA = () => a');
  await a.link((s) => (s === 'b' ? b : a));
  await a.evaluate();
  return [a.namespace.getB(), b.namespace.getA(), a.status, b.status];
});
add('module graph ambiguous star export', async () => {
  const s1 = new SourceTextModule('export const x = 1');
  const s2 = new SourceTextModule('export const x = 2');
  const star = new SourceTextModule('export * from "s1"; export * from "s2"');
  const m = new SourceTextModule('import { x } from "star"');
  return m.link((s) => ({ s1, s2, star })[s]);
});
add('module graph self import', async () => {
  const a = new SourceTextModule('import { x } from "self"; export const x = 1; export default x');
  await a.link(() => a);
  await a.evaluate();
  return a.namespace.default;
});
add('module graph TDZ in cycle', async () => {
  const a = new SourceTextModule('import { b } from "b"; export const a = b + 1');
  const b = new SourceTextModule('import { a } from "a"; export const b = a + 1');
  await a.link((s) => (s === 'b' ? b : a));
  return a.evaluate();
});
add('module graph 500 deep chain', async () => {
  const ms = [];
  for (let i = 0; i < 500; i++) ms.push(new SourceTextModule(i === 499 ? 'export const v = 499' : `export { v } from "m${i + 1}"`));
  await ms[0].link((s) => ms[+s.slice(1)]);
  await ms[0].evaluate();
  return ms[0].namespace.v;
});
add('module graph wide 300 imports', async () => {
  const src = Array.from({ length: 300 }, (_, i) => `import "d${i}";`).join('\n');
  const m = new SourceTextModule(src);
  await m.link(() => new SourceTextModule(''));
  await m.evaluate();
  return m.status;
});
add('module graph dependency throws during evaluate', async () => {
  const m = new SourceTextModule('import "d"');
  const d = new SourceTextModule('throw new TypeError("dep")');
  await m.link(() => d);
  try { await m.evaluate(); } catch (e) {}
  return [m.status, d.status, m.error === d.error];
});
add('module graph dependency rejects with TLA', async () => {
  const m = new SourceTextModule('import "d"');
  const d = new SourceTextModule('await null; throw new TypeError("tla")');
  await m.link(() => d);
  return m.evaluate();
});
add('module graph top-level await never settles', async () => {
  const m = await linked('await new Promise(() => {})');
  return m.evaluate();
});
add('module evaluate twice concurrently', async () => {
  const m = await linked('export let n = 0; n++');
  await Promise.all([m.evaluate(), m.evaluate()]);
  return m.namespace.n;
});
add('module evaluate unlinked', async () => new SourceTextModule('').evaluate());
add('module evaluate while linking', async () => { const m = new SourceTextModule('import "x"'); m.link(() => new Promise(() => {})); return m.evaluate(); });
add('module namespace before link', () => new SourceTextModule('export const x = 1').namespace);
add('module namespace after link before evaluate', async () => { const m = await linked('export const x = 1'); return m.namespace.x; });
add('module error before evaluation', () => new SourceTextModule('').error);
add('module syntax error', () => new SourceTextModule('export default ('));
add('module import meta initializer throws', async () => {
  const m = await linked('import.meta', { initializeImportMeta() { boom('meta'); } });
  return m.evaluate();
});
add('module import meta initializer throws primitive', async () => {
  const m = await linked('import.meta.x', { initializeImportMeta() { throw 3; } });
  return m.evaluate();
});
add('module import meta initializer runs vm', async () => {
  const m = await linked('export default import.meta.v', { initializeImportMeta(meta) { meta.v = vm.runInNewContext('6 * 7'); } });
  await m.evaluate();
  return m.namespace.default;
});
add('module dynamic import without callback', async () => {
  const m = await linked('export default import("x")');
  await m.evaluate();
  return m.namespace.default;
});
add('module dynamic import callback throws', async () => {
  const m = await linked('export default import("x")', { importModuleDynamically() { boom('dyn'); } });
  await m.evaluate();
  return m.namespace.default;
});
add('module dynamic import returns revoked proxy', async () => {
  const m = await linked('export default import("x")', { importModuleDynamically() { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; } });
  await m.evaluate();
  return m.namespace.default;
});
add('module dynamic import returns throwing proxy', async () => {
  const m = await linked('export default import("x")', { importModuleDynamically() { return new Proxy({}, throwingTraps); } });
  await m.evaluate();
  return m.namespace.default;
});
add('module dynamic import returns unlinked module', async () => {
  const m = await linked('export default import("x")', { importModuleDynamically() { return new SourceTextModule('export const y = 1'); } });
  await m.evaluate();
  return m.namespace.default;
});
add('module dynamic import returns evaluated module', async () => {
  const dep = await linked('export const y = 2'); await dep.evaluate();
  const m = await linked('export default import("x").then((ns) => ns.y)', { importModuleDynamically() { return dep; } });
  await m.evaluate();
  return m.namespace.default;
});
add('script dynamic import returns throwing proxy', async () => {
  const s = new vm.Script('import("x")', { importModuleDynamically() { return new Proxy({}, throwingTraps); } });
  return s.runInThisContext();
});
add('script dynamic import returns revoked proxy', async () => {
  const s = new vm.Script('import("x")', { importModuleDynamically() { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; } });
  return s.runInThisContext();
});
add('script dynamic import callback throws primitive', async () => {
  const s = new vm.Script('import("x")', { importModuleDynamically() { throw 5; } });
  return s.runInThisContext();
});
add('script dynamic import without callback', async () => new vm.Script('import("x")').runInThisContext());
add('script dynamic import in context without callback', async () => vm.runInNewContext('import("x")'));
add('synthetic evaluate callback throws', async () => { const m = new SyntheticModule([], () => { boom('syn'); }); await m.link(() => {}); return m.evaluate(); });
add('synthetic evaluate callback throws then status', async () => { const m = new SyntheticModule([], () => { boom('syn'); }); await m.link(() => {}); try { await m.evaluate(); } catch (e) {} return [m.status, m.error.message]; });
add('synthetic setExport unknown name', async () => { const m = new SyntheticModule(['a'], function () { this.setExport('b', 1); }); await m.link(() => {}); return m.evaluate(); });
add('synthetic duplicate export names', () => new SyntheticModule(['a', 'a'], () => {}));
add('synthetic 10000 export names', async () => {
  const names = Array.from({ length: 10000 }, (_, i) => `e${i}`);
  const m = new SyntheticModule(names, function () { for (const n of names) this.setExport(n, n); });
  await m.link(() => {}); await m.evaluate();
  return Object.keys(m.namespace).length;
});
add('synthetic export names proxy array', () => new SyntheticModule(new Proxy(['a'], {}), () => {}).status);
add('synthetic export names with throwing element getter', () => { const a = ['a']; Object.defineProperty(a, 0, { get() { boom('elem'); } }); return new SyntheticModule(a, () => {}); });
add('synthetic evaluate re-enters evaluate', async () => {
  const m = new SyntheticModule(['x'], function () { this.setExport('x', 1); return m.evaluate(); });
  await m.link(() => {});
  await m.evaluate();
  return m.status;
});
add('module of context imported from main', async () => {
  const c = vm.createContext();
  const dep = new SourceTextModule('export const x = 1', { context: c });
  const m = new SourceTextModule('import { x } from "d"');
  return m.link(() => dep);
});
add('module context revoked proxy', () => { const r = Proxy.revocable({}, {}); vm.createContext(r.proxy); r.revoke(); return new SourceTextModule('', { context: r.proxy }); });
add('Module constructed directly', () => new vm.Module());
add('Module subclass constructed', () => { class M extends vm.Module {} return new M({}); });
add('SourceTextModule subclass', async () => { class M extends SourceTextModule {} const m = new M('export default 3'); await m.link(() => {}); await m.evaluate(); return [m instanceof M, m.namespace.default]; });

// import() options read at run time (not an object literal of strings)
{
  const synthX = () => new SyntheticModule(['x'], function () { this.setExport('x', 1); });
  const seen = [];
  const dyn = (s, r, a) => { seen.push(`${s} ${JSON.stringify(a)} ${Object.getPrototypeOf(a)}`); const m = synthX(); return m.link(() => {}).then(() => m.evaluate()).then(() => m); };
  const viaScript = (code) => () => { seen.length = 0; return Promise.resolve(new vm.Script(code, { importModuleDynamically: dyn }).runInThisContext()).then((ns) => [Object.keys(ns), ...seen], (e) => { throw e; }); };
  add('import options getter throws', viaScript('import("a", { get with() { throw new TypeError("g") } })'));
  add('import options revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); globalThis.hostileRevoked = r.proxy; return viaScript('import("a", hostileRevoked)')(); });
  add('import options throwing proxy', () => { globalThis.hostileThrowing = new Proxy({}, throwingTraps); return viaScript('import("a", hostileThrowing)')(); });
  add('import options with throwing proxy', () => { globalThis.hostileThrowing = { with: new Proxy({ type: 'json' }, throwingTraps) }; return viaScript('import("a", hostileThrowing)')(); });
  add('import options tracing proxy', async () => { trace = []; globalThis.hostileTracer = tracer({ with: tracer({ type: 'json', b: 'c' }) }); const r = await viaScript('import("a", hostileTracer)')(); return [r, trace]; });
  add('import specifier symbol with options', viaScript('import(Symbol("s"), {})'));
  add('import specifier toString throws before options', viaScript('import({ toString() { throw new RangeError("spec") } }, { get with() { throw new TypeError("opts") } })'));
  add('import options primitive', viaScript('import("a", 7)'));
  add('import options with null', viaScript('import("a", { with: null })'));
  add('import options value not a string', viaScript('import("a", { with: { type: 1 } })'));
  add('import options inherited and symbol keys', viaScript('import("a", { with: Object.assign(Object.create({ p: "q" }), { [Symbol("s")]: 1, k: "v" }) })'));
  add('import options assert when with undefined', viaScript('import("a", { with: undefined, assert: { type: "x" } })'));
  add('import options getter nests import', viaScript('import("a", { get with() { import("b", { with: { t: "inner" } }); return { t: "outer" } } })'));
  add('import options getter runs vm', () => { globalThis.hostileVm = vm; return viaScript('import("a", { get with() { return { t: hostileVm.runInNewContext("\'x\' + 1") } } })')(); });
  add('import options getter loops under timeout', () => new vm.Script('import("a", { get with() { for (;;); } })', { importModuleDynamically: dyn }).runInThisContext({ timeout: 20 }));
  add('import options in a context', () => { const c = vm.createContext({}); return new vm.Script('import("a", { with: { type: {} } }).catch(e => [e instanceof TypeError, e.message])', { importModuleDynamically: dyn }).runInContext(c); });
  add('import options in compileFunction', async () => { seen.length = 0; const ns = await vm.compileFunction('return import("a", o)', ['o'], { importModuleDynamically: dyn })({ with: { k: 'v' } }); return [Object.keys(ns), ...seen]; });
  add('import options in SourceTextModule', async () => { seen.length = 0; const m = new SourceTextModule('const o = { with: { u: typeof import.meta } }; export const p = import("a", o);', { importModuleDynamically: dyn }); await m.link(() => {}); await m.evaluate(); return [Object.keys(await m.namespace.p), ...seen]; });
  add('import options with await in SourceTextModule', async () => { seen.length = 0; const m = new SourceTextModule('export const ns = await import("a", await { with: { u: "w" } })', { importModuleDynamically: dyn }); await m.link(() => {}); await m.evaluate(); return [Object.keys(m.namespace.ns), ...seen]; });
  add('import options callback mutates attributes', async () => { const r = await new vm.Script('import("a", { with: { type: "json" } }).then(() => 1)', { importModuleDynamically: (s, _, a) => { delete a.type; a.z = 1; return dyn(s, _, a); } }).runInThisContext(); return [r, seen.at(-1)]; });
}

// ---- compileFunction params and code --------------------------------------

const paramTricks = [
  'a', 'a, b', 'a = 1', '...rest', '{ a }', '[a]', 'a) { return 1 } (', 'a) { return 1 }; (function (',
  ') {', '', ' ', '1', 'a b', 'a,', ',a', 'a = (', 'a = `', '/*', '*/', '//', 'a // c', 'a /* c */',
  'yield', 'await', 'eval', 'arguments', 'let', 'class', 'this', 'new.target', 'a = new.target',
  'a = super.x', 'a = arguments', 'a = await 1', 'a = yield', '\u2028', 'a\nb', 'a = "\\u{110000}"',
  '\ud800', 'a = import("x")', 'a = import.meta', 'a = () => {}', 'a = function () {}',
  'a = class {}', '...a, b', 'a = 1, b = a', '{ a = b }, b', '#a', 'a?', 'a: 1', '\\u0061',
];
for (const p of paramTricks) {
  add(`compileFunction param ${JSON.stringify(p)}`, () => { const f = vm.compileFunction('return typeof a', [p]); return [typeof f, f.length]; });
  add(`compileFunction param ${JSON.stringify(p)} strict body`, () => { const f = vm.compileFunction('"use strict"; return 1', [p]); return f.length; });
}
add('compileFunction duplicate params', () => vm.compileFunction('return a', ['a', 'a'])(1, 2));
add('compileFunction duplicate params strict', () => vm.compileFunction('"use strict"; return a', ['a', 'a']));
add('compileFunction 65535 params', () => vm.compileFunction('return arguments.length', Array.from({ length: 65535 }, (_, i) => `p${i}`)).length);
add('compileFunction 100000 params', () => vm.compileFunction('return 1', Array.from({ length: 100000 }, (_, i) => `p${i}`)).length);
add('compileFunction sparse params array', () => vm.compileFunction('return 1', new Array(3)));
add('compileFunction params proxy', () => vm.compileFunction('return a', new Proxy(['a'], {}))(5));
add('compileFunction params with throwing element', () => { const a = ['a']; Object.defineProperty(a, 0, { get() { boom('param'); } }); return vm.compileFunction('', a); });
add('compileFunction params array subclass', () => { class A extends Array {} return vm.compileFunction('return x', A.from(['x']))(4); });
add('compileFunction params foreign array', () => vm.compileFunction('return x', vm.runInNewContext('["x"]'))(3));
const bodyTricks = [
  '}', '})', '}); (function () {', 'return', 'return 1; }', '{', 'yield 1', 'await 1', 'super.x', 'super()',
  'new.target', 'arguments.length', 'return this', 'import.meta', 'import("x")', 'export default 1',
  'import x from "y"', 'let a; let a', '"use strict"; with (a) {}', 'with ({}) {}', '<!-- html comment',
  '--> html close', '#!shebang', 'return eval("1")', 'return new.target', 'break', 'continue',
  'label: label: 1', '/(/', 'return `${', 'a => {', '\u2028return 1', '\0', 'return "\\u{110000}"',
];
for (const b of bodyTricks) add(`compileFunction body ${JSON.stringify(b)}`, () => typeof vm.compileFunction(b));
add('compileFunction contextExtensions shadow', () => vm.compileFunction('return [a, b]', [], { contextExtensions: [{ a: 1 }, { a: 2, b: 3 }] })());
add('compileFunction contextExtensions proxy throws', () => vm.compileFunction('return a', [], { contextExtensions: [new Proxy({}, throwingTraps)] })());
add('compileFunction contextExtensions revoked', () => { const r = Proxy.revocable({}, {}); r.revoke(); return vm.compileFunction('return 1', [], { contextExtensions: [r.proxy] })(); });
add('compileFunction contextExtensions 1000', () => vm.compileFunction('return x', [], { contextExtensions: Array.from({ length: 1000 }, (_, i) => ({ x: i })) })());
add('compileFunction parsingContext runs there', () => { const c = vm.createContext({ q: 7 }); return vm.compileFunction('return q', [], { parsingContext: c })(); });
add('compileFunction parsingContext revoked', () => { const r = Proxy.revocable({}, {}); vm.createContext(r.proxy); r.revoke(); return vm.compileFunction('return 1', [], { parsingContext: r.proxy })(); });
add('compileFunction syntax error position', () => vm.compileFunction('a b', [], { filename: 'cf.js', lineOffset: 3, columnOffset: 2 }));
add('compileFunction lineOffset 2147483647', () => vm.compileFunction('(', [], { lineOffset: 2147483647 }));
add('compileFunction columnOffset 2147483647', () => vm.compileFunction('(', [], { columnOffset: 2147483647 }));
add('Script lineOffset 2147483647 syntax error', () => new vm.Script('(', { lineOffset: 2147483647 }));
add('Script columnOffset 2147483647 syntax error', () => new vm.Script('(', { columnOffset: 2147483647 }));
add('Script lineOffset -2147483648 syntax error', () => new vm.Script('(', { lineOffset: -2147483648 }));
add('SourceTextModule lineOffset 2147483647 syntax error', () => new SourceTextModule('(', { lineOffset: 2147483647 }));
add('SourceTextModule columnOffset 2147483647 syntax error', () => new SourceTextModule('(', { columnOffset: 2147483647 }));

// ---- cachedData -----------------------------------------------------------

const srcOf = (tag) => `function add(a, b) { return a + b } add(1, 2) // ${tag}`;
let src;
// produced under another filename, so that the consumer misses V8's
// compilation cache and really reads the data
const good = () => new vm.Script(src, { filename: 'producer.js' }).createCachedData();
const garbage = {
  empty: () => Buffer.alloc(0),
  'one byte': () => Buffer.from([0]),
  zeros: () => Buffer.alloc(64),
  ones: () => Buffer.alloc(64, 0xff),
  random: () => { let x = 12345; return Buffer.from(Array.from({ length: 256 }, () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff)); },
  'large 1 MiB': () => Buffer.alloc(1 << 20, 0xa5),
  'truncated real': () => good().subarray(0, 10),
  'real minus last byte': () => { const g = good(); return g.subarray(0, g.length - 1); },
  'real with flipped byte': () => { const g = Buffer.from(good()); g[g.length >> 1] ^= 0xff; return g; },
  'real with flipped first byte': () => { const g = Buffer.from(good()); g[0] ^= 0xff; return g; },
  'real plus trailing bytes': () => Buffer.concat([good(), Buffer.from('tail')]),
  'real of other source': () => new vm.Script('1 + 1').createCachedData(),
  'real of compileFunction': () => vm.compileFunction('return 1', [], { produceCachedData: true }).cachedData,
  'real as DataView': () => { const g = good(); return new DataView(g.buffer, g.byteOffset, g.byteLength); },
  'real as Float64Array view': () => { const g = Buffer.from(good()); return new Uint8Array(g); },
  'real at odd offset': () => { const g = good(); const b = Buffer.alloc(g.length + 1); g.copy(b, 1); return b.subarray(1); },
  'real doubled': () => Buffer.concat([good(), good()]),
  'text': () => Buffer.from('V8 code cache, honest'),
  'real': good,
};
for (const [gname, make] of Object.entries(garbage)) {
  add(`cachedData Script ${gname}`, () => { src = srcOf(`script ${gname}`); const s = new vm.Script(src, { cachedData: make() }); return [s.cachedDataRejected, s.runInThisContext()]; });
  add(`cachedData compileFunction ${gname}`, () => { src = srcOf(`function ${gname}`); const f = vm.compileFunction(`return a + b // ${gname}`, ['a', 'b'], { cachedData: make() }); return [f.cachedDataRejected, f(1, 2)]; });
  add(`cachedData SourceTextModule ${gname}`, async () => { src = srcOf(`module ${gname}`); const m = new SourceTextModule(`export default 5 // ${gname}`, { cachedData: make() }); await m.link(() => {}); await m.evaluate(); return m.namespace.default; });
}
add('cachedData Script real for same source other filename', () => { src = srcOf('other filename'); const c = new vm.Script(src, { filename: 'a.js' }).createCachedData(); return new vm.Script(src, { filename: 'b.js', cachedData: c }).cachedDataRejected; });
add('cachedData produceCachedData and cachedData', () => { src = srcOf('produce and consume'); const s = new vm.Script(src, { cachedData: good(), produceCachedData: true }); return [s.cachedDataRejected, s.cachedDataProduced]; });
add('createCachedData after run', () => { const s = new vm.Script(srcOf('after run')); s.runInThisContext(); return Buffer.isBuffer(s.createCachedData()); });
add('createCachedData of a syntax-error-free empty script', () => Buffer.isBuffer(new vm.Script('').createCachedData()));
add('SourceTextModule createCachedData after evaluate', async () => { const m = await linked(); await m.evaluate(); return m.createCachedData(); });
add('SourceTextModule createCachedData unlinked', () => Buffer.isBuffer(new SourceTextModule('export default 1').createCachedData()));
add('SourceTextModule cachedData round trip', async () => {
  const c = new SourceTextModule('export default 8').createCachedData();
  const m = new SourceTextModule('export default 8', { cachedData: c });
  await m.link(() => {}); await m.evaluate();
  return m.namespace.default;
});

// ---- re-entrancy and faults that must leave vm working -----------------------

add('runInContext inside a getter of the options', () => vm.runInNewContext('1', {}, { get timeout() { return vm.runInNewContext('50'); } }));
add('createContext inside toString of code', () => vm.runInNewContext({ toString() { vm.createContext({}); return '"coerced"'; } }));
add('code toString returns an object', () => new vm.Script({ toString() { return {}; }, valueOf() { return {}; } }));
add('code toString returns a symbol', () => new vm.Script({ toString() { return Symbol('c'); } }));
add('code with toPrimitive returning a number', () => new vm.Script({ [Symbol.toPrimitive]() { return 42; } }).runInThisContext());
add('vm after a thrown stack overflow', () => { try { vm.runInNewContext('function f() { f() } f()'); } catch (e) {} return vm.runInNewContext('1 + 1'); });
add('stack overflow in context is RangeError', () => vm.runInNewContext('function f() { f() } f()'));
add('stack overflow caught inside context', () => vm.runInNewContext('function f() { f() } try { f() } catch (e) { e instanceof RangeError }'));
add('stack overflow through the membrane', () => { const f = vm.runInNewContext('(g) => g()'); const g = () => f(g); return g(); });
add('deep nested source parens', () => vm.runInNewContext('('.repeat(10000) + '1' + ')'.repeat(10000)));
add('deep nested source arrays', () => vm.runInNewContext('['.repeat(10000) + ']'.repeat(10000)).length);
add('ArrayBuffer 2**40', () => vm.runInNewContext('new ArrayBuffer(2 ** 40)'));
add('string repeat 2**40', () => vm.runInNewContext('"x".repeat(2 ** 40)'));
add('array length 2**32', () => vm.runInNewContext('new Array(2 ** 32)'));
add('Error.prepareStackTrace hostile', () => vm.runInNewContext('Error.prepareStackTrace = () => { throw 1 }; null.x'));
add('context Error.captureStackTrace absent', () => vm.runInNewContext('typeof Error.captureStackTrace'));
add('thrown object with throwing getters leaves run', () => vm.runInNewContext('throw { get name() { throw 1 }, get message() { throw 2 }, get stack() { throw 3 } }'));
add('thrown revoked proxy leaves run', () => vm.runInNewContext('const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy'));
add('thrown throwing proxy leaves run', () => vm.runInNewContext('throw new Proxy({}, { get() { throw 1 }, getPrototypeOf() { throw 2 }, has() { throw 3 } })'));
add('thrown symbol leaves run', () => vm.runInNewContext('throw Symbol("s")'));
add('thrown bigint leaves run', () => vm.runInNewContext('throw 5n'));
add('thrown undefined leaves run', () => vm.runInNewContext('throw undefined'));
add('thrown function leaves run', () => vm.runInNewContext('throw function f() {}'));
add('thrown error with stack setter leaves run', () => vm.runInNewContext('const e = new Error("m"); Object.defineProperty(e, "stack", { get() { throw 1 } }); throw e'));
add('thrown null-prototype error-like', () => vm.runInNewContext('throw Object.assign(Object.create(null), { message: "np" })'));
add('displayErrors false syntax error', () => vm.runInNewContext('(', {}, { displayErrors: false }));
add('displayErrors with throwing stack', () => vm.runInNewContext('const e = new TypeError("d"); Object.defineProperty(e, "stack", { get() { throw 1 }, set() { throw 2 } }); throw e'));
add('await throwing proxy in async fn', async () => { const p = new Proxy({}, { get() { throw 1; } }); return (async () => { try { await Promise.all([(async () => { await p; })()]); } catch (e) { return e; } })(); });
add('await throwing proxy from context', async () => vm.runInNewContext('(async () => { const p = new Proxy({}, { get() { throw 1 } }); try { await p } catch (e) { return e } })()'));
add('await revoked proxy in async fn', async () => { const r = Proxy.revocable({}, {}); r.revoke(); return (async () => { try { await r.proxy; } catch (e) { return e; } })(); });
add('await tracing proxy in async fn', async () => { const t = tracer(); return (async () => (await t) === t)(); });
add('await proxy throwing a symbol', async () => { const s = Symbol('s'); const p = new Proxy({}, { get() { throw s; } }); return (async () => { try { await p; } catch (e) { return e === s; } })(); });
add('await throwing constructor getter', async () => { const o = { get constructor() { throw 1; } }; return (async () => (await o) === o)(); });
add('await promise with throwing constructor', async () => { const pr = Promise.resolve(1); Object.defineProperty(pr, 'constructor', { get() { throw 2; } }); return (async () => { try { await pr; } catch (e) { return e; } })(); });
add('await proxy whose then re-enters vm', async () => { const p = new Proxy({}, { get(t, k) { if (k === 'then') vm.runInNewContext('await0 = 1', {}); return undefined; } }); return (async () => (await p) === p)(); });
add('await throwing proxy in compileFunction', async () => vm.compileFunction('return (async () => { try { await p } catch (e) { return e } })()', ['p'])(new Proxy({}, { get() { throw 3; } })));
add('await throwing proxy in module TLA', async () => { const m = new vm.SourceTextModule('const p = new Proxy({}, { get() { throw 4 } }); try { await p } catch (e) { globalThis.out = e }', { context: vm.createContext({}) }); await m.link(() => {}); await m.evaluate(); return m.context.out; });
add('await revoked proxy at the start of a context async fn', async () => vm.runInNewContext('(async () => { const r = Proxy.revocable({}, {}); r.revoke(); try { await Promise.all([(async () => { await r.proxy })()]) } catch (e) { return e.constructor.name } })()'));
add('await tracing proxy under a timeout', async () => vm.runInNewContext('(async () => { const o = new Proxy({}, { get(t, k) { if (k === "then") for (;;); } }); await o })()', {}, { timeout: 50 }));
add('empty script in a context whose sandbox gopd throws', () => vm.runInContext('', vm.createContext(new Proxy({ foo: 'bar' }, { getOwnPropertyDescriptor() { throw new Error('whoops'); } }))));
add('await in a context whose sandbox traps trace', async () => { const t = tracer({}); const c = vm.createContext(t); trace = []; const v = await vm.runInContext('(async () => { await 1; return 2 })()', c); return [v, trace.filter((e) => !/then|constructor/.test(e))]; });
add('global this methods patched then run', () => { const c = vm.createContext({}); vm.runInContext('Object.defineProperty = null; Reflect.get = null; Function.prototype.call = null', c); return vm.runInContext('var z = 1; z', c); });
add('context Object.prototype poisoned', () => { const c = vm.createContext({}); vm.runInContext('Object.defineProperty(Object.prototype, "then", { get() { throw 9 } })', c); return vm.runInContext('({ a: 1 })', c).a; });
add('context returns object with poisoned proto', () => { const o = vm.runInNewContext('Object.setPrototypeOf({ a: 1 }, new Proxy({}, { get() { throw 8 } }))'); return o.a; });
add('context returns object with poisoned proto missing key', () => { const o = vm.runInNewContext('Object.setPrototypeOf({ a: 1 }, new Proxy({}, { get() { throw 8 } }))'); return o.b; });
add('codeGeneration strings false eval', () => vm.runInNewContext('eval("1")', {}, { contextCodeGeneration: { strings: false } }));
add('codeGeneration strings false Function', () => vm.runInNewContext('Function("return 1")()', {}, { contextCodeGeneration: { strings: false } }));
add('codeGeneration strings false via foreign Function', () => { const c = vm.createContext({}, { codeGeneration: { strings: false } }); return vm.runInContext('(() => {}).constructor.constructor("return 1")()', c); });
add('breakOnSigint true no signal', () => vm.runInNewContext('3', {}, { breakOnSigint: true }));
// Proxy cycles, forwarding recursion and hostile traps (#9, proxy): V8's
// RangeError after 102,400 proxies of one prototype walk or an exhausted
// stack; traps that throw, return wrong types, revoke themselves, re-enter vm
const cyc = 'var n = 0; var a = new Proxy({}, { getPrototypeOf() { n++; return b } }); var b = new Proxy({}, { getPrototypeOf() { n++; return a } });';
const selfFwd = 'var o = {}; Object.setPrototypeOf(o, new Proxy(o, {}));';
for (const [what, code] of [['instanceof', 'a instanceof Object'], ['isPrototypeOf', 'Object.prototype.isPrototypeOf(a)'], ['for-in', 'for (var k in a);'],
  ['bound instanceof', 'a instanceof (function () {}).bind()'], ['Reflect.getPrototypeOf', 'Reflect.getPrototypeOf(a) === b']]) {
  add(`proxy getPrototypeOf cycle ${what} in context`, () => vm.runInNewContext(`${cyc} try { ${code} } catch (e) { [e.constructor.name, e instanceof RangeError, e.message, n] }`));
}
add('proxy getPrototypeOf cycle __lookupGetter__ in context', () => vm.runInNewContext(`${cyc} try { Object.create(a).__lookupGetter__("x") } catch (e) { [e.constructor.name, e instanceof RangeError, e.message] }`));
add('proxy getPrototypeOf cycle uncaught in context', () => vm.runInNewContext(`${cyc} a instanceof Object`));
for (const [what, code] of [['get', 'o.x'], ['set', 'o.x = 1'], ['in', '"x" in o'], ['with', 'with (o) x'], ['String', 'String(o)'], ['super', '({ __proto__: o, m() { return super.x } }).m()'], ['destructure', 'var { x } = o'], ['instanceof', 'o instanceof Object']]) {
  add(`proxy forwarding cycle ${what} in context`, () => vm.runInNewContext(`${selfFwd} try { ${code}; 'no throw' } catch (e) { [e.constructor.name, e instanceof RangeError, e.message] }`));
}
add('proxy forwarding cycle then context still works', () => { const c = vm.createContext({}); try { vm.runInContext(`${selfFwd} o.x`, c); } catch (e) {} return vm.runInContext('[1, 2, 3].map((x) => x * 2).join()', c); });
add('proxy getPrototypeOf cycle of main walked in context', () => { let n = 0; const a = new Proxy({}, { getPrototypeOf() { n++; return b; } }); const b = new Proxy({}, { getPrototypeOf() { n++; return a; } }); try { return vm.runInNewContext('a instanceof Object', { a }); } catch (e) { return [e.message, n]; } });
add('proxy getPrototypeOf cycle of context walked in main', () => { const c = vm.createContext({}); const a = vm.runInContext(`${cyc} a`, c); try { for (const k in a); return 'no throw'; } catch (e) { return [e.constructor.name, e.message, c.n]; } });
add('proxy getPrototypeOf cycle for-in in context under timeout', () => vm.runInNewContext(`${cyc} try { for (var k in a); } catch (e) { [e.message, n] }`, {}, { timeout: 10000 }));
add('proxy getPrototypeOf trap returns a number', () => vm.runInNewContext('Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 }))'));
add('proxy getPrototypeOf trap lies about a frozen target', () => vm.runInNewContext('new Proxy(Object.freeze({}), { getPrototypeOf: () => Array.prototype }) instanceof Array'));
add('proxy ownKeys trap returns a string', () => vm.runInNewContext('Object.keys(new Proxy({}, { ownKeys: () => "ab" }))'));
add('proxy ownKeys trap returns duplicates', () => vm.runInNewContext('Reflect.ownKeys(new Proxy({}, { ownKeys: () => ["a", "a"] }))'));
add('proxy get trap is a number', () => vm.runInNewContext('new Proxy({}, { get: 5 }).x'));
add('proxy has trap is a string', () => vm.runInNewContext('"x" in new Proxy({}, { has: "yes" })'));
add('proxy trap revokes its proxy mid-get', () => vm.runInNewContext('var r = Proxy.revocable({}, { get(t, k) { r.revoke(); return k } }); var v = r.proxy.x; try { r.proxy.y } catch (e) { [v, e.constructor.name] }'));
add('proxy getPrototypeOf trap revokes its proxy mid-walk', () => vm.runInNewContext('var r = Proxy.revocable({}, { getPrototypeOf() { r.revoke(); return r.proxy } }); try { r.proxy instanceof Object } catch (e) { e.constructor.name }'));
add('proxy get trap re-enters vm', () => new Proxy({}, { get(t, k) { return vm.runInNewContext('typeof k', { k }); } }).x);
add('proxy getPrototypeOf trap re-enters vm mid-walk', () => { const p = new Proxy({}, { getPrototypeOf() { return vm.runInNewContext('null'); } }); return p instanceof Object; });
add('proxy handler is a throwing proxy', () => vm.runInNewContext('new Proxy({}, new Proxy({}, { get(t, k) { throw new TypeError("handler " + k) } })).x'));
add('proxy handler that recurses into its proxy', () => vm.runInNewContext('var p = new Proxy({}, new Proxy({}, { get(t, k) { return p[k] } })); try { p.x } catch (e) { [e.constructor.name, e.message] }'));
add('proxy trap this is the handler', () => vm.runInNewContext('var h = { get() { return this === h } }; new Proxy({}, h).x'));
add('Promise.resolve throwing proxy in context', async () => vm.runInNewContext('Promise.resolve(new Proxy({}, { get(t, k) { throw new Error("trap " + String(k)) } }))'));
add('Promise.resolve revoked proxy in context', async () => vm.runInNewContext('var r = Proxy.revocable({}, {}); r.revoke(); Promise.resolve(r.proxy)'));
add('Promise.resolve tracing proxy', async () => { const t = tracer({}); return Promise.resolve(t).then((v) => v === t); });
add('Promise.all throwing proxy in context', async () => vm.runInNewContext('Promise.all([new Proxy({}, { get() { throw 7 } })])'));
add('Promise.resolve object whose constructor is Promise', () => { const o = { constructor: Promise }; return Promise.resolve(o) === o; });
add('Promise.resolve of forwarding cycle in context', async () => vm.runInNewContext(`${selfFwd} Promise.resolve(o)`));
// awaits in code sobek parses itself (eval, the Function constructors,
// with bodies): the await guard does not see them (#9, engine bugs)
const thrower = 'var p = globalThis.p = new Proxy({}, { get() { throw 5 } });';
for (const [what, code] of [
  ['eval', 'eval("(async () => { try { await p } catch (e) { return e } })()")'],
  ['indirect eval', '(0, eval)("(async () => { try { await globalThis.p } catch (e) { return e } })()")'],
  ['AsyncFunction', 'new (async function () {}).constructor("p", "try { await p } catch (e) { return e }")(p)'],
  ['Function', 'Function("p", "return (async () => { try { await p } catch (e) { return e } })()")(p)'],
  ['with body', '(() => { with ({}) { return (async () => { try { await p } catch (e) { return e } })() } })()'],
  ['eval after an await', 'eval("(async () => { await null; try { await p } catch (e) { return e } })()")'],
  ['eval uncaught', 'eval("(async () => { await p })()")'],
  ['eval Promise.all', 'eval("(async () => { try { await Promise.all([(async () => { await p })()]) } catch (e) { return e } })()")'],
  ['eval on the prototype chain', 'eval("(async () => { try { await Object.create(p) } catch (e) { return e } })()")'],
  ['eval in Function in eval', 'eval("Function(\'p\', \'return eval(\\"(async () => { try { await p } catch (e) { return e } })()\\")\')(p)")'],
]) {
  add(`await throwing proxy in ${what} in context`, async () => vm.runInNewContext(`${thrower} ${code}`));
  add(`await throwing proxy in ${what} in main`, async () => { const f = new Function(`${thrower} return ${code}`); return f(); });
}
add('await throwing proxy of main in eval in context', async () => vm.runInNewContext('eval("(async () => { try { await p } catch (e) { return e } })()")', { p: new Proxy({}, { get() { throw 6; } }) }));
add('await tracing proxy in eval in context', async () => { const t = tracer(); return vm.runInNewContext('eval("(async () => (await t) === t)()")', { t }); });
add('await tracing proxy in with body in context', async () => vm.runInNewContext('var r = []; var t = new Proxy({}, { get(o, k) { r.push(String(k)) } }); with ({}) { (async () => [(await t) === t, r.join()])() }'));
add('await throwing proxy in eval then context still works', async () => { const c = vm.createContext({}); await vm.runInContext(`${thrower} eval("(async () => { try { await p } catch (e) {} })()")`, c); return vm.runInContext('[1, 2, 3].map((x) => x * 2).join()', c); });
add('explicit constructor read of throwing proxy in eval in context', () => vm.runInNewContext(`${thrower} eval("try { p.constructor } catch (e) { e }")`));
// for-in over a chain holding Proxies (#9): V8 stops after the first
// Proxy of an ordinary receiver's chain and keeps the keys Proxies give
for (const [what, code] of [
  ['o to Proxy(o)', 'var o = { a: 1 }; Object.setPrototypeOf(o, new Proxy(o, {}));'],
  ['Proxy keys', 'var o = Object.create(new Proxy({ b: 2 }, {})); o.a = 1;'],
  ['past the first Proxy', 'var o = Object.create(new Proxy(Object.create({ t: 9 }, { b: { value: 2, enumerable: true } }), {}));'],
  ['two Proxies', 'var p2 = new Proxy({ c: 3 }, {}); var o = Object.create(new Proxy(Object.create(p2, { b: { value: 2, enumerable: true } }), {}));'],
  ['non-enumerable shadow', 'var o = Object.create(new Proxy({ a: 5, b: 2 }, {})); Object.defineProperty(o, "a", { value: 1, enumerable: false });'],
  ['ownKeys trap', 'var o = Object.create(new Proxy({}, { ownKeys: () => ["z", "y"], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) }));'],
  ['receiver Proxy chain', 'var o = new Proxy(Object.create(new Proxy({ c: 3 }, {}), { b: { value: 2, enumerable: true } }), {});'],
  ['getPrototypeOf trap returns a number', 'var o = Object.create(new Proxy({ b: 2 }, { getPrototypeOf: () => 5 }));'],
  ['throwing getOwnPropertyDescriptor', 'var o = Object.create(new Proxy({ b: 2 }, { getOwnPropertyDescriptor() { throw new RangeError("gopd") } }));'],
  ['getPrototypeOf cycle of an ordinary receiver', 'var n = 0; var a = new Proxy({ x: 1 }, { getPrototypeOf() { n++; return b } }); var b = new Proxy({ y: 2 }, { getPrototypeOf() { n++; return a } }); var o = Object.create(a);'],
  ['delete during', 'var t = { b: 2, c: 3 }; var o = Object.create(new Proxy(t, {})); o.a = 1; var del = () => delete t.c;'],
]) {
  const loop = 'var ks = []; for (var k in o) { ks.push(k); if (typeof del === "function") del(); } ks';
  add(`for-in ${what} in context`, () => vm.runInNewContext(`${code} ${loop}`));
  add(`for-in ${what} in main`, () => new Function(`${code} ${loop.replace(/ ks$/, ' return ks')}`)());
}
add('for-in over a main object on a context chain', () => vm.runInNewContext('var ks = []; for (var k in Object.create(o)) ks.push(k); ks', { o: { a: 1 } }));
add('for-in over a main Proxy on a context chain', () => vm.runInNewContext('var ks = []; for (var k in Object.create(o)) ks.push(k); ks', { o: new Proxy({ a: 1 }, {}) }));
add('for-in tracing Proxy on the chain', () => { const t = tracer({ b: 2 }); const o = Object.create(t); o.a = 1; const ks = []; for (const k in o) ks.push(k); return ks; });

// ---- runner ---------------------------------------------------------------

function tagOf(v) {
  try {
    if (v instanceof vm.Script) return 'Script';
    if (typeof vm.Module === 'function' && v instanceof vm.Module) return `${v.constructor.name} ${v.status}`;
    if (Buffer.isBuffer(v)) return 'Buffer';
    return Object.prototype.toString.call(v);
  } catch (e) {
    return 'unknown (inspection threw)';
  }
}
function describe(v, depth = 0) {
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'string': return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}...(${v.length})` : v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return `${v}n`;
    case 'boolean': return String(v);
    case 'symbol': return 'symbol';
    case 'function': return 'function';
    default:
      if (v === null) return 'null';
      if (depth < 2) {
        try {
          if (Array.isArray(v) && v.length <= 10) return `[${Array.prototype.map.call(v, (x) => describe(x, depth + 1)).join(', ')}]`;
        } catch (e) { /* fall through */ }
      }
      return `object ${tagOf(v)}`;
  }
}
function safe(f) {
  try { return f(); } catch (e) { return '(threw)'; }
}
function thrown(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { v: describe(e) };
  const m = safe(() => e.message);
  return {
    c: safe(() => String(e.name)),
    code: safe(() => (e.code === undefined ? undefined : String(e.code))),
    m: typeof m === 'string' ? (m.length > 300 ? `${m.slice(0, 300)}...` : m) : describe(m),
  };
}
const isPromise = (v) => { try { return v instanceof Promise || (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Promise]'); } catch (e) { return false; } };

// a promise that has not settled after all queued jobs, 5 macrotask turns
// and 5 short timers is reported as pending
const turn = (i) => new Promise((resolve) => (i < 5 ? setImmediate(resolve) : setTimeout(resolve, 20)));

// The runner uses no async function or generator of its own: a case that
// breaks the engine's state of suspended functions (a timeout inside a
// generator) then breaks that case, not the runner.
function runCase(fn, done) {
  let r;
  try {
    r = fn();
  } catch (e) {
    done({ k: 'throw', ...thrown(e) });
    return;
  }
  if (!isPromise(r)) {
    done({ k: 'ok', v: describe(r) });
    return;
  }
  let state = 'pending';
  let value;
  r.then((v) => { state = 'resolve'; value = v; }, (e) => { state = 'reject'; value = e; });
  const wait = (i) => {
    if (state === 'pending' && i < 10) {
      turn(i).then(() => wait(i + 1));
      return;
    }
    if (state === 'pending') done({ k: 'pending' });
    else if (state === 'resolve') done({ k: 'resolve', v: describe(value) });
    else done({ k: 'reject', ...thrown(value) });
  };
  wait(0);
}

const from = process.argv[2] === undefined ? 0 : Number(process.argv[2]);
const to = process.argv[3] === undefined ? cases.length : Math.min(Number(process.argv[3]), cases.length);
function print(i, out) {
  const line = { i, n: cases[i][0], ...out };
  if (trace.length) line.t = trace.slice(0, 40).join(', ');
  console.log(JSON.stringify(line));
}
// runs cases from i on: in this loop while they answer at once, from the
// callback of the first one that answers later
function next(i) {
  for (; i < to; i++) {
    trace = [];
    let now;
    let sync = true;
    const at = i;
    runCase(cases[i][1], (out) => {
      if (sync) {
        now = out;
        return;
      }
      print(at, out);
      next(at + 1);
    });
    sync = false;
    if (now === undefined) return;
    print(i, now);
  }
}
if (process.argv[2] === 'names') console.log(cases.map(([name]) => name).join('\n'));
else next(from);
