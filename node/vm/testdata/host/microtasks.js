// Promise jobs of contexts share the main queue (default mode); afterEvaluate
// contexts run theirs right after the script.
const vm = require('vm');
const log = (x) => console.log(x);
const c = vm.createContext({ log });
vm.runInContext('Promise.resolve().then(() => log("ctx job"))', c);
Promise.resolve().then(() => log('main job'));
process.nextTick(() => log('tick'));
log('sync');
const d = vm.createContext({ log }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => log("after-evaluate job"))', d);
log('sync 2');
setTimeout(() => log('timeout'), 0);
