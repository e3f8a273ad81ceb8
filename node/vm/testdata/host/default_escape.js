// The specification's first timeout example, bounded: in the default mode
// the promise job runs after the script, outside the timeout.
const vm = require('vm');
function busy() {
  const end = Date.now() + 40;
  while (Date.now() < end);
  console.log('job ran to completion');
}
vm.runInNewContext('Promise.resolve().then(() => busy());', { busy }, { timeout: 5 });
console.log('done executing');
