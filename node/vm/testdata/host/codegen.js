// codeGeneration: { strings: false } on createContext and
// contextCodeGeneration on runInNewContext: every way to compile a string
// inside the context throws EvalError; builtins keep their identities.
const vm = require('vm');

const forms = [
  "eval('1 + 1')",
  "(0, eval)('1 + 1')",
  "globalThis.eval('1 + 1')",
  "eval.call(null, '1 + 1')",
  "Function('return 1')()",
  "new Function('return 1')()",
  "Function()",
  "new Function",
  "Function.call(null, 'return 1')()",
  "Function.apply(null, ['return 1'])()",
  "Function.prototype.constructor('return 1')()",
  "(function () {}).constructor('return 1')()",
  "(() => 1).constructor('return 1')()",
  "Object.getPrototypeOf(function* () {}).constructor('yield 1')().next().value",
  "new (Object.getPrototypeOf(function* () {}).constructor)('yield 1')().next().value",
  "(function* () {}).constructor('yield 1')().next().value",
  "(async function () {}).constructor('return 1')() instanceof Promise",
  "(async () => {}).constructor('return 1')() instanceof Promise",
  "Reflect.construct(Function, ['return 1'])()",
  "Reflect.apply(Function, null, ['return 1'])()",
  "Reflect.construct(Object.getPrototypeOf(async function () {}).constructor, ['return 1'])() instanceof Promise",
  "class F extends Function {}; new F('return 1')()",
  "(function () { var x = 5; return eval('x'); })()",
  "eval(42)",
  "eval({ a: 1 }).a",
  "eval()",
  "(0, eval)(42)",
  "'' + eval",
  "'' + Function",
  "[typeof eval, eval.name, eval.length, Function.name, Function.length]",
  "Function.prototype.constructor === Function",
  "(function () {}).constructor === Function",
  "(function () {}) instanceof Function",
  "Object.getPrototypeOf(Function) === Function.prototype",
  "Function.prototype === Object.getPrototypeOf(function () {})",
  "JSON.stringify(Object.getOwnPropertyDescriptor(Function, 'prototype'))",
  "JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'eval'))",
  "JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'Function'))",
  "JSON.stringify(Object.getOwnPropertyDescriptor(Function.prototype, 'constructor'))",
  "Object.getOwnPropertyNames(Function).sort().join()",
  "Object.getPrototypeOf(function* () {}).constructor.prototype === Object.getPrototypeOf(function* () {})",
  "Object.getPrototypeOf(Object.getPrototypeOf(function* () {}).constructor) === Function",
  "Object.getPrototypeOf(function* () {}).constructor.name",
  "Object.getPrototypeOf(async function () {}).constructor.prototype === Object.getPrototypeOf(async function () {})",
  "Object.getPrototypeOf(async function () {}).constructor.name",
  "(function* () {}) instanceof Object.getPrototypeOf(function* () {}).constructor",
  "(async function () {}) instanceof Object.getPrototypeOf(async function () {}).constructor",
  "new Function instanceof Function",
  "Function.prototype.toString.call(Function)",
  "Function.prototype.toString.call(eval)",
  "[1, 2].map(x => x * 2).join()",
  "JSON.parse('{\"a\":1}').a",
  "/a+/.test('aa')",
  "new RegExp('b+').test('bb')",
];

function tryIn(label, ctx, skip = []) {
  console.log('== ' + label);
  for (const form of forms) {
    if (skip.includes(form)) continue;
    let out;
    try {
      out = String(vm.runInContext(form, ctx));
    } catch (e) {
      const EvalErrorIn = vm.runInContext('EvalError', ctx);
      out = 'throws ' + (e && e.name) + ': ' + (e && e.message) +
        (e instanceof EvalErrorIn ? ' (context EvalError)' : '') +
        (e instanceof EvalError ? ' (main EvalError)' : '');
    }
    console.log(form + ' -> ' + out);
  }
}

tryIn('strings: false', vm.createContext({}, { codeGeneration: { strings: false } }));
// wasm: false leaves strings code generation alone (WebAssembly: internal/wasm tests)
// (sobek's own GeneratorFunction does not inherit from Function)
tryIn('wasm: false', vm.createContext({}, { codeGeneration: { wasm: false } }),
  ['Object.getPrototypeOf(Object.getPrototypeOf(function* () {}).constructor) === Function']);

// runInNewContext's contextCodeGeneration
for (const opts of [{ strings: false }, { strings: true }, { wasm: false }, {}]) {
  try {
    console.log(JSON.stringify(opts), vm.runInNewContext('eval("1 + 1")', {}, { contextCodeGeneration: opts }));
  } catch (e) {
    console.log(JSON.stringify(opts), 'throws', e.name, e.message);
  }
}
for (const opts of [{ strings: false }, {}]) {
  try {
    console.log(JSON.stringify(opts), new vm.Script('new Function("return 3")()').runInNewContext({}, { contextCodeGeneration: opts }));
  } catch (e) {
    console.log(JSON.stringify(opts), 'throws', e.name, e.message);
  }
}

// The context's eval and Function stay disallowed when called from the main
// context; the main context's own eval keeps working inside the context.
const ctx = vm.createContext({ mainEval: eval, MainFunction: Function }, { codeGeneration: { strings: false } });
for (const [label, fn] of [
  ['context eval from main', () => vm.runInContext('eval', ctx)('1 + 1')],
  ['context Function from main', () => vm.runInContext('Function', ctx)('return 1')()],
  ['main eval from context', () => vm.runInContext('mainEval("1 + 1")', ctx)],
  ['main Function from context', () => vm.runInContext('MainFunction("return 1")()', ctx)],
  ['main eval is untouched', () => eval('1 + 1')],
]) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'throws', e.name, e.message);
  }
}
