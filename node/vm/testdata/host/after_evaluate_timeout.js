// The specification's second timeout example, bounded: with
// microtaskMode 'afterEvaluate' the promise job runs inside the timeout.
const vm = require('vm');
let spins = 0;
function loop() {
  while (1) spins++;
}
try {
  vm.runInNewContext(
    'Promise.resolve().then(() => loop());',
    { loop },
    { timeout: 20, microtaskMode: 'afterEvaluate' },
  );
} catch (e) {
  console.log(e.code, e.message, spins > 0);
}
console.log('done executing');
