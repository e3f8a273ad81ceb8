const vm = require('vm');
const ctx = vm.createContext({});
vm.runInContext('function inCtx() { throw new SyntaxError("ctx err") }', ctx);
setTimeout(() => vm.runInContext('inCtx()', ctx), 1);
