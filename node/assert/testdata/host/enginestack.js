// Errors the engine throws, as assert.throws and assert.rejects see them:
// V8's words and stack shape, cut to Error.stackTraceLimit.
const assert = require('assert');
const vm = require('vm');
const show = (e) => { console.log(JSON.stringify(e.stack.split('\n').slice(0, 2).map((l) => l.replace(__dirname, '.'))), e.stack.split('\n').length > 1, e.message); return true; };
const old = Error.stackTraceLimit;
Error.stackTraceLimit = 1;
assert.throws(() => null.x, show);
assert.throws(() => undefinedVar, show);
assert.throws(() => vm.compileFunction('  return y.z', [])(), show);
assert.throws(() => vm.compileFunction('return varInContext', [])(), { stack: 'ReferenceError: varInContext is not defined\n    at <anonymous>:1:1' });
Error.stackTraceLimit = 0;
assert.throws(() => undefinedVar, show);
Error.stackTraceLimit = 3;
assert.throws(() => { const o = {}; o.f(); }, show);
assert.throws(() => { throw new TypeError('mine'); }, show);
Error.stackTraceLimit = old;
assert.rejects(async () => nope, show).then(() => console.log('done'));
