// Promise jobs that a call into a context queues (a `then` on a context's
// promise, an async function of a context called from outside) wait for
// the microtask checkpoint after the main script, as in Node's one queue;
// they never run inside the call or inside a later vm run.
const vm = require('vm');
const c = vm.createContext({ console });
const p = vm.runInContext('new Promise(r => r(5))', c);
p.then(v => console.log('then on context promise', v));
console.log('after then');
vm.runInNewContext('1');
console.log('after a vm run');
try { vm.runInNewContext('for(;;){}', {}, { timeout: 5 }) } catch (e) { console.log(e.code) }
const f = vm.runInContext('(async function f(n) { console.log("f", n); await null; console.log("f resumed", n); return n })', c);
f(1).then(v => console.log('f resolved', v));
console.log('after f(1)');
vm.runInContext('1', c, { timeout: 100 });
console.log('after a timed run in the same context');
const g = vm.runInContext('(function g(q) { return q.then(v => console.log("g then", v)) })', c);
g(Promise.resolve(7));
console.log('sync end');
setTimeout(() => console.log('timeout'), 1);
