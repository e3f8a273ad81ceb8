'use strict';
const vm = require('vm');

// Engine errors leaving a vm run carry V8's messages (sobek's differ).
const cases = [
  "null.foo()",
  "[].reduce((a,b)=>a)",
  "new Array(-1)",
  "Symbol() + ''",
  "1n + 1",
  "class A{}; A()",
  "const c = 1; c = 2",
  "let q = q",
  "Object.defineProperty(1, 'a', {})",
  "Object.freeze([]).push(1)",
  "new Promise()",
  "var u; u.x",
  "var f = 5; f.call()",
  "var o = {}; o.f.g()",
  "Object.create(1)",
  "'use strict'; Object.freeze({a:1}).a = 2",
  "'use strict'; var o = Object.preventExtensions({}); o.b = 1",
  "new Proxy({}, 1)",
  "a.b",
  "var s = Symbol(); s.description = 1; `${s}`",
  "decodeURIComponent(\"%\")",
  "(1).toFixed(200)",
  "String.fromCodePoint(-1)",
  "var arr = []; arr.length = -1",
  "var a = 1; a()",
  "var o = {a: 1}; o.a()",
  "var o = {}; o[\"x\"]()",
  "undefined()",
  "var fn = null; fn()",
  "async function f() {}; new f()",
  "(() => {}).call.x.y"
];
for (const c of cases) {
  try {
    vm.runInNewContext(c, {}, 'c.js');
    console.log(JSON.stringify(c), 'no throw');
  } catch (e) {
    console.log(JSON.stringify(c), '|', e.name + ': ' + e.message);
  }
}
