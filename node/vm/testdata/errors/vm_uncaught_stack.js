const vm = require('vm');
// A throw inside a function of a vm script: frames of the script (the
// failing `return` reported at the keyword, the call at the callee), then
// the caller's.
vm.runInNewContext('function thrower() {\n  return missing.x;\n}\n\nthrower ();', {}, 'lib.vm');
