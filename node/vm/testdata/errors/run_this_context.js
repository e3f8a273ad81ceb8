const vm = require('vm');
vm.runInThisContext('var x = 1;\nthrow new Error("boom " + x);', { filename: 'my.vm' });
