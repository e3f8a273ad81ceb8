// A SIGINT from another process (the test sends it after "ready").
const vm = require('vm');
try {
  vm.runInNewContext('console.log("ready"); while (true) {}', { console }, { breakOnSigint: true });
} catch (e) {
  console.log(e.code, e.message);
}
