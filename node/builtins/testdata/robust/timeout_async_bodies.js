const vm = require('vm');
function t(name, f) {
  try { const r = f(); console.log(name, 'returned', typeof r); } catch (e) { console.log(name, e.name, e.code, e.message); }
}
t('newctx async loop', () => vm.runInNewContext('(async () => { while (true) {} })()', {}, { timeout: 50 }));
t('this async loop', () => vm.runInThisContext('(async()=>{for(;;){}})()', { timeout: 50 }));
t('afterEvaluate async loop', () => vm.runInNewContext('(async()=>{for(;;){}})()', vm.createContext({}, { microtaskMode: 'afterEvaluate' }) && {}, { timeout: 50 }));
const ae = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
t('afterEvaluate ctx async loop', () => vm.runInContext('(async()=>{for(;;){}})()', ae, { timeout: 50 }));
t('afterEvaluate ctx job loop', () => vm.runInContext('Promise.resolve().then(() => { for(;;){} })', ae, { timeout: 50 }));
t('afterEvaluate ctx await loop', () => vm.runInContext('(async()=>{ await null; for(;;){} })()', ae, { timeout: 50 }));
t('afterEvaluate ctx reuse', () => vm.runInContext('[1,2,3].map(x => x * 2).join()', ae));
console.log(vm.runInContext('[1,2,3].map(x => x * 2).join()', ae));
const c = vm.createContext({});
t('ctx async nested', () => vm.runInContext('(async () => { await 1; })(); (async()=>{ for(;;){} })()', c, { timeout: 50 }));
t('ctx generator loop', () => vm.runInContext('function* g(){ for(;;){} } g().next()', c, { timeout: 50 }));
t('ctx async in sync fn', () => vm.runInContext('function f(){ return (async()=>{ try { for(;;){} } finally { globalThis.fin = 1 } })() } f()', c, { timeout: 50 }));
console.log('fin', c.fin);
t('ctx class async method', () => vm.runInContext('new (class { async m(){ for(;;){} } })().m()', c, { timeout: 50 }));
t('ctx async arrow in map', () => vm.runInContext('[1].map(async x => { for(;;){} })', c, { timeout: 50 }));
t('ctx nested runInContext', () => vm.runInContext('run()', vm.createContext({ run: () => vm.runInContext('(async()=>{for(;;){}})()', c, { timeout: 30 }) }), { timeout: 1000 }));
t('ctx reuse', () => vm.runInContext('[1,2,3].map(x => x * 2).join()', c));
console.log(vm.runInContext('[1,2,3].map(x => x * 2).join()', c));
t('this reuse', () => vm.runInThisContext('[1,2,3].map(x => x * 3).join()'));
console.log(vm.runInThisContext('[1,2,3].map(x => x * 3).join()'));
(async () => { await null; console.log('main async still works'); })();
setTimeout(() => console.log('timer still works'), 10);
