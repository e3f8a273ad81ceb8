// Listeners do not see a SIGINT that interrupts a breakOnSigint run, and
// get the next one.
const vm = require('vm');
let calls = 0;
process.on('SIGINT', (name, n) => { calls++; console.log('listener', name, n); });
process.once('SIGINT', () => console.log('once'));
try {
  vm.runInContext('process.kill(process.pid, "SIGINT"); while (true) {}', vm.createContext({ process }), { breakOnSigint: true });
} catch (e) {
  console.log(e.code);
}
console.log('calls after run', calls);
const t = setTimeout(() => console.log('not reached'), 5000);
process.on('SIGINT', () => { console.log('after', calls); clearTimeout(t); });
process.kill(process.pid, 'SIGINT');
