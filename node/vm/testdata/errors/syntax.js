'use strict';
const vm = require('vm');

// SyntaxErrors of vm.Script: V8's message, position and caret (the whole
// token underlined).
const cases = [
  'var a = ;', "var s = 'abc", "console.log('a'", '1 = 2', 'let a; let a;',
  'var a = {', 'function (){}', 'if (x) {', 'let let = 1', 'return 1',
  'await 1', 'a b', '"use strict"; with (a) {}',
  'class A { constructor(){} constructor(){} }', '({a:1}', 'const x;',
  'break;', 'var 1a', 'foo(1, 2', '[1, 2', '@', 'a++ = 1', 'x = {a b}',
  'function f(a, a) { "use strict" }', '"use strict"; var eval = 1',
  '"use strict"; 010', 'yield 1', 'obj?.a = 1', '}', 'a => { ',
  'let [a] = ;', 'import x from "y"', 'export default 1', 'var x = `abc',
  '/abc', 'async function f() { await }', 'label: label: 1', 'continue',
  'var a = 1 +;', 'f(,)', 'switch (x) { default: default: }', 'try {}',
  "console.log('a';", 'foo(1 2)', 'foo(a, b\nbar()',
  'f(function(){ return 1; }', 'if (a(1) {}', 'x = (1 + 2', "foo('a'\n",
  'let a = 1; var a;', 'var a; let a;', 'function f(){} let f;',
  'let longName; let longName;', 'x = 1;\n  y = = 2;',
];
for (const code of cases) {
  try {
    new vm.Script(code, { filename: 's.js' });
    console.log(JSON.stringify(code), 'compiles');
  } catch (e) {
    console.log(JSON.stringify(code));
    console.log(e.stack.split('\n').slice(0, 5).join('\n'));
  }
}
// with offsets
try {
  new vm.Script('foo(1 2)', { filename: 'o.js', lineOffset: 2, columnOffset: 4 });
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 5).join('\n'));
}
// uncaught
new vm.Script('var value = (1 + ;', { filename: 'uncaught.js' });
