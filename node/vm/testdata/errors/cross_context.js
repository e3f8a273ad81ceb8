const vm = require('vm');
// Functions of another context called from here: one stack for both
// contexts, and an uncaught error points at its throw site in the other
// context.
function call(f) { return f(); }
const f = vm.runInNewContext('(function thrower() {\n  return missing.x;\n})', {}, 'lib.vm');
try { call(f); } catch (e) { console.log(e.stack); }
const g = vm.runInNewContext('(function outer(cb) {\n  return cb();\n})', {}, 'lib2.vm');
try { g(() => { throw new Error('inner'); }); } catch (e) { console.log(e.stack); }
call(f);
