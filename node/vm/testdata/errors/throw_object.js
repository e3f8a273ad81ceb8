const vm = require('vm');
vm.runInThisContext('throw { custom: 1 }', 'obj.vm');
