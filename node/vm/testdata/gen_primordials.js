// vm after user code has replaced the intrinsics vm's own JavaScript
// could use: Node's vm works on its primordials, and so must jsvm's.
// Recorded from node (UPDATE_SNAPSHOTS=1 go test -run Primordials ./node/vm).
'use strict';
const vm = require('vm');
const out = process.stdout;
const write = out.write;
const apply = Reflect.apply;
const getProto = Reflect.getPrototypeOf;
const BufferProto = Buffer.prototype;
const log = (s) => apply(write, out, [s + '\n']);
const results = [];
const cases = [];
const tc = (name, fn) => { cases[cases.length] = [name, fn]; };

tc('Script + runInNewContext', () => new vm.Script('x = 40 + 2').runInNewContext({}));
tc('runInContext', () => vm.runInContext('a + 1', vm.createContext({ a: 1 })));
tc('createContext options', () => vm.runInContext('1', vm.createContext({}, { name: 'n', codeGeneration: { strings: false } })));
tc('bad microtaskMode', () => vm.createContext({}, { microtaskMode: 'nope' }));
tc('bad measureMemory mode', () => vm.measureMemory({ mode: 'x' }));
tc('produceCachedData', () => {
  const s = new vm.Script('1 + 1', { produceCachedData: true });
  const again = new vm.Script('1 + 1', { cachedData: s.cachedData });
  return `${s.cachedDataProduced} ${again.cachedDataRejected} ${getProto(s.cachedData) === BufferProto}`;
});
tc('createCachedData', () => typeof new vm.Script('2').createCachedData().length);
tc('compileFunction', () => vm.compileFunction('return a + b + c', ['a', 'b'], { contextExtensions: [{ c: 10 }] })(1, 2));
tc('compileFunction cache', () => {
  const f = vm.compileFunction('return 1', [], { produceCachedData: true });
  return `${f.cachedDataProduced} ${getProto(f.cachedData) === BufferProto}`;
});
tc('compileFunction bad param', () => vm.compileFunction('', ['a', 1]));
tc('isContext', () => vm.isContext(vm.createContext()));
tc('SourceTextModule', async () => {
  const ctx = vm.createContext({});
  const dep = new vm.SourceTextModule('export const v = 20;', { context: ctx });
  const dep2 = new vm.SyntheticModule(['w', 'z'], function () { this.setExport('w', 1); this.setExport('z', 1); }, { context: ctx });
  const m = new vm.SourceTextModule("import { v } from 'dep'; import { w } from 'syn'; export default v + w + 1;", { context: ctx });
  await m.link((s) => (s === 'dep' ? dep : dep2));
  await m.evaluate();
  return `${m.namespace.default} ${m.dependencySpecifiers.join()} ${m.status}`;
});
tc('SyntheticModule dup', () => new vm.SyntheticModule(['a', 'a'], () => {}));
tc('link rejects', async () => {
  const m = new vm.SourceTextModule("import 'a'; import 'b';");
  await m.link(async (s) => { if (s === 'b') throw new Error('no ' + s); return new vm.SourceTextModule(''); });
});

// the intrinsics vm's JavaScript could reach, replaced (not
// Object.defineProperty, Function.prototype.call, Function.prototype.apply
// or the array iterator: node's own warnings and error formatting need
// those, and jsvm's error stacks and streams do too), once the modules'
// ExperimentalWarning has been written
new vm.SourceTextModule('');
setTimeout(() => {
const boom = (what) => function () { throw new Error(what + ' tampered'); };
Array.isArray = boom('Array.isArray');
Number.isInteger = boom('Number.isInteger');
ArrayBuffer.isView = boom('ArrayBuffer.isView');
Object.freeze = boom('Object.freeze');
Object.getPrototypeOf = boom('Object.getPrototypeOf');
Object.setPrototypeOf = boom('Object.setPrototypeOf');
Object.getOwnPropertyDescriptor = boom('Object.getOwnPropertyDescriptor');
Object.assign = boom('Object.assign');
Symbol.for = boom('Symbol.for');
Promise.all = boom('Promise.all');
Promise.reject = boom('Promise.reject');
const savedJoin = Array.prototype.join;
for (const name of ['push', 'map', 'some', 'forEach', 'includes', 'slice', 'indexOf']) Array.prototype[name] = boom('Array.prototype.' + name);
String.prototype.includes = boom('String.prototype.includes');
Map.prototype.get = boom('Map.prototype.get');
Map.prototype.set = boom('Map.prototype.set');
WeakMap.prototype.get = boom('WeakMap.prototype.get');
WeakMap.prototype.set = boom('WeakMap.prototype.set');
WeakMap.prototype.has = boom('WeakMap.prototype.has');
WeakSet.prototype.add = boom('WeakSet.prototype.add');
WeakSet.prototype.has = boom('WeakSet.prototype.has');
Object.prototype.hasOwnProperty = boom('Object.prototype.hasOwnProperty');
globalThis.Uint8Array = boom('Uint8Array');
globalThis.Buffer = boom('Buffer');
Function.prototype.bind = boom('Function.prototype.bind');

(async () => {
  for (let i = 0; i < cases.length; i++) {
    const name = cases[i][0];
    let r;
    try {
      r = 'ok ' + (await cases[i][1]());
    } catch (e) {
      r = 'threw ' + e.name + (e.code ? ' [' + e.code + ']' : '') + ': ' + e.message;
    }
    results[i] = name + ': ' + r;
  }
  Array.prototype.join = savedJoin;
  for (let i = 0; i < results.length; i++) log(results[i]);
})();
}, 10);
