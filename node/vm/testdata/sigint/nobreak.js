// Without breakOnSigint the run goes on; a listener runs after it, on the loop.
const vm = require('vm');
process.on('SIGINT', () => console.log('listener'));
const r = vm.runInThisContext('process.kill(process.pid, "SIGINT"); let i = 0; for (; i < 3e5; i++) {} i');
console.log('run returned', r);
setTimeout(() => console.log('timer'), 1000);
