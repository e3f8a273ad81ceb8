const vm = require('vm');
// Two scripts under the default name evalmachine.<anonymous>: the error
// shows the line of the script it was thrown in, with V8's columns.
const ctx = vm.createContext({});
vm.runInContext('function inCtx() {\n  const o = {};\n  return o.missing();\n}', ctx);
try {
  vm.runInContext('inCtx()', ctx);
} catch (e) {
  console.log(e.stack.split('\n').filter((l) => !l.includes('node:')).join('\n'));
}
vm.runInContext('inCtx()', ctx);
