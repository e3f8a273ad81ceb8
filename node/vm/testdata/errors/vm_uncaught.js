const vm = require('vm');
// An engine error leaving a vm run, uncaught: the arrow points at the
// callee, the message is V8's.
vm.runInNewContext('var o = {};\n\no.foo(1);', {}, 'file.vm');
