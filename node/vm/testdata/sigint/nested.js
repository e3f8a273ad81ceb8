// A SIGINT during nested runs.
const vm = require('vm');
const ctx = vm.createContext({ vm, process, console });
ctx.inner = vm.createContext({ process });
for (const inner of [false, true]) {
  try {
    const r = vm.runInContext(`
      var caught = 'none';
      try {
        vm.runInContext('process.kill(process.pid, "SIGINT"); while (true) {}', inner, { breakOnSigint: ${inner} });
      } catch (e) { caught = e.code; }
      'outer went on, caught ' + caught;
    `, ctx, { breakOnSigint: true });
    console.log(inner, r);
  } catch (e) {
    console.log(inner, 'outer threw', e.code, e.message);
  }
}
