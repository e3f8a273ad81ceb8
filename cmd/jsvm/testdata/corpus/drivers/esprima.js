const esprima = require('esprima');
console.log(JSON.stringify(esprima.tokenize('const a = 1 + b;')), esprima.parseScript('function f(x) { return x * 2 }').body[0].type);
