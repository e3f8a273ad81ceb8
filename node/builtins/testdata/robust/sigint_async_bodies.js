const vm = require('vm');
function t(name, f) {
  try { const r = f(); console.log(name, 'returned', typeof r); } catch (e) { console.log(name, e.name, e.code, e.message); }
}
const c = vm.createContext({ process });
t('this', () => vm.runInThisContext('(async()=>{ process.kill(process.pid, "SIGINT"); for(;;){} })()', { breakOnSigint: true }));
t('ctx', () => vm.runInContext('(async()=>{ process.kill(process.pid, "SIGINT"); for(;;){} })()', c, { breakOnSigint: true }));
t('ctx gen', () => vm.runInContext('function* g(){ process.kill(process.pid, "SIGINT"); for(;;){} } g().next()', c, { breakOnSigint: true, timeout: 5000 }));
t('ctx reuse', () => vm.runInContext('[1,2].join()', c));
Promise.resolve().then(() => console.log('jobs run'));
