'use strict';
const vm = require('vm');

// Errors leaving a vm run: the message, and the frames in the script.
const cases = [
  'let a = nope;',
  'var o = {}; o.foo();',
  'var o = {}; o.a.b;',
  'var o = {}; o.a.b.c();',
  'undefinedFn();',
  'var o = {a:{}}; o.a.bar(1);',
  'throw new Error("x")',
  'function g() { throw new Error("y") }\ng();',
  'function g() { return new Error("y") }; throw g();',
  'var o = {a:{}}; new o.a.B();',
  'function F() { throw new Error("y") }; new F();',
  'function F() { throw new Error("y") }; var o = {F}; new o.F();',
  'function F() { throw new Error("y") }; F ();',
  'function F() { throw new Error("y") }; var o = {F}; o\n  .F.call();',
  'var o = { set x(v) { throw new Error("s") } }; o.x = 1;',
  '"use strict"; var o = Object.freeze({a: 1}); o.a = 2;',
  'function F() { throw new Error("y") }; (F)();',
  'function F() { throw new Error("y") }; F.call(null);',
  'var F = 1; new F();',
  'var F = 1; F();',
  'var o = {}; o.x.y = 1;',
  'var o = {}; new o.x();',
  'new Q();',
  'new vm.Script("")',
];
for (const code of cases) {
  try {
    vm.runInNewContext(code, {}, 'c.js');
    console.log('no throw', code);
  } catch (e) {
    console.log(JSON.stringify(code));
    console.log(e.name + ': ' + e.message);
    // (V8 names accessor frames "set x [as x]", sobek "x": not compared)
    console.log(e.stack.split('\n')
      .filter((l) => l.includes('c.js') && !/ at (set )?x /.test(l)).join('\n'));
  }
}

// The contextified global refuses writes and redefinitions with V8's words.
const sb = {};
Object.defineProperty(sb, 'f', { value: 'f' });
const ctx = vm.createContext(sb);
vm.runInContext('Object.defineProperty(this, "x", { value: 42 })', ctx);
for (const code of [
  '"use strict"; x = 0',
  'x = 0; x',
  '"use strict"; Object.defineProperty(this, "f", { value: "newF" })',
  'Reflect.defineProperty(this, "f", { value: "newF" })',
]) {
  try {
    console.log(code, '->', vm.runInContext(code, ctx));
  } catch (e) {
    console.log(code, '->', e.name + ': ' + e.message,
                e instanceof vm.runInContext('TypeError', ctx));
  }
}

// A method called on something else.
try {
  new vm.Script('').runInNewContext.call("'hello';");
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(Object.prototype.toString.call(process));
