const vm = require('vm');
try { vm.runInNewContext('undefinedFunction()', {}, { filename: 'f.vm', displayErrors: false }); } catch (e) { console.log(e.stack); }
vm.compileFunction('return a.b', ['a'], { filename: 'cf.vm' })(undefined);
