// Frames of builtins carry V8's receiver names; call/apply leave none.
function f() { throw new Error('from f'); }
const vm = require('vm');
for (const code of [
  'f.call()',
  'f.apply(null, [])',
  '[1].forEach(() => f())',
  '[1].map(f)',
  '[2, 1].sort(() => f())',
]) {
  try {
    vm.runInNewContext(code, { f }, 'b.js');
  } catch (e) {
    console.log(code);
    console.log(e.stack.split('\n').filter((l) => l.startsWith('    at ') && !l.includes('node:') && !l.includes('builtin_frames.js')).join('\n'));
  }
}
