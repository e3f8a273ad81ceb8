const vm = require('vm');
vm.runInThisContext('throw "a string"', 'str.vm');
