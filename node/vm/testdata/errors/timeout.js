const vm = require('vm');
// An uncaught timeout: Node shows the throw site in its vm module.
vm.runInNewContext('while (true) {}', {}, { timeout: 5 });
