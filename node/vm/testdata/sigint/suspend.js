// During a breakOnSigint run the 'SIGINT' listeners are off; they come back after the ones added meanwhile.
const vm = require('vm');
process.on('SIGINT', function a() {});
console.log(vm.runInThisContext('process.listenerCount("SIGINT")', { breakOnSigint: true }));
console.log(vm.runInThisContext('process.on("SIGINT", function b() { console.log("b") }); process.listeners("SIGINT").map(f => f.name).join()', { breakOnSigint: true }));
console.log(process.listeners('SIGINT').map(f => f.name).join());
