// vm's errors after user code replaced the global error classes and
// friends with a number: Node makes its errors from its own intrinsics.
// Recorded from node (UPDATE_SNAPSHOTS=1 go test -run GlobalsReplaced ./node/vm).
'use strict';
const vm = require('vm');
const out = process.stdout;
const write = out.write;
const apply = Reflect.apply;
const log = (s) => apply(write, out, [s + '\n']);
const cases = [
  ['syntax error', () => vm.runInThisContext('(')],
  ['too deep', () => vm.runInThisContext('('.repeat(100000))],
  ['bad option', () => new vm.Script('1', { filename: 5 })],
  ['not a context', () => vm.runInContext('1', {})],
  ['module not module', () => new vm.SourceTextModule("import x from 'y'").link(() => 5)],
  ['module status', () => new vm.SourceTextModule('').evaluate()],
  ['module syntax', () => new vm.SourceTextModule('let a; let a;')],
  ['run in context', () => vm.runInNewContext('x + 1', { x: 1 })],
  ['produce cache', () => typeof new vm.Script('1', { produceCachedData: true }).cachedData],
];
new vm.SourceTextModule(''); // its ExperimentalWarning before the globals go
setTimeout(async () => {
  for (const name of ['Error', 'SyntaxError', 'RangeError', 'ReferenceError', 'JSON', 'Uint8Array', 'Buffer']) globalThis[name] = 5;
  for (const [name, fn] of cases) {
    let r;
    try {
      r = 'ok ' + (await fn());
    } catch (e) {
      r = 'threw ' + e.name + (e.code ? ' [' + e.code + ']' : '') + ': ' + e.message;
    }
    log(name + ': ' + r);
  }
}, 10);
