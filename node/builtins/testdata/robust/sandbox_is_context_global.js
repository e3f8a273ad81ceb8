// Another context's global given as a sandbox runs there (it recursed
// after a change to vm.isContext); vm.isContext of a global proxy is false.
const vm = require('vm');
const g = vm.runInNewContext('globalThis');
try { console.log(vm.runInNewContext('typeof Array', g)) } catch (e) { console.log('ERR', e.message) }
try { console.log(vm.runInNewContext('x = 1; typeof x', g), g.x) } catch (e) { console.log('ERR', e.message) }
const ctx = vm.createContext({});
try { console.log(vm.runInContext('typeof Array', vm.createContext(vm.runInContext('globalThis', ctx)))) } catch (e) { console.log('ERR2', e.message) }
console.log(vm.isContext(vm.runInContext('this', vm.createContext({}))), vm.isContext(ctx));
