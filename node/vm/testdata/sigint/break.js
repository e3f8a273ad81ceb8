// breakOnSigint on every run form; then, with no listener, SIGINT kills.
const vm = require('vm');
const loop = 'process.kill(process.pid, "SIGINT"); while (true) {}';
const forms = {
  runInThisContext: () => vm.runInThisContext(loop, { breakOnSigint: true }),
  runInContext: () => vm.runInContext(loop, vm.createContext({ process }), { breakOnSigint: true }),
  runInNewContext: () => vm.runInNewContext(loop, { process }, { breakOnSigint: true }),
  'Script#runInThisContext': () => new vm.Script(loop).runInThisContext({ breakOnSigint: true }),
  'Script#runInContext': () => new vm.Script(loop).runInContext(vm.createContext({ process }), { breakOnSigint: true }),
  'Script#runInNewContext': () => new vm.Script(loop).runInNewContext({ process }, { breakOnSigint: true }),
  'with timeout': () => vm.runInThisContext(loop, { breakOnSigint: true, timeout: 100000 }),
};
for (const [name, fn] of Object.entries(forms)) {
  try {
    fn();
    console.log(name, 'returned');
  } catch (e) {
    console.log(name, e.code, e.message, Object.keys(e), e instanceof Error, e.stack.split('\n')[0]);
  }
}
// the run is over: the interrupt does not linger
console.log(vm.runInThisContext('1 + 1', { breakOnSigint: true }));
console.log('listeners', process.listenerCount('SIGINT'));
process.kill(process.pid, 'SIGINT');
setTimeout(() => console.log('not reached'), 1000);
