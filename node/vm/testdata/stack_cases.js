// Error stacks inside vm contexts (issue #13): each line is what node
// prints; stack_test.go runs this file in jsvm and compares. A stack is
// shown down to its context's frames (the main realm's frames below are
// Node's own internals).
'use strict';
const vm = require('vm');
const ctxFrames = (s) => typeof s !== 'string' ? String(s) : s.split('\n').filter((l, i) => i === 0 || !/node:|stack_cases\.js|^\s+at (?:Module|Object\.<anonymous>|Function\.executeUserEntryPoint|process\.processTicks)/.test(l)).join('|');
// own keeps the CallSites of the context's frames
const own = (cs) => cs.filter((c) => { const f = c.getFileName(); return f == null || f === 'ctx.js'; });
// what promise jobs print comes at the end, sorted (jsvm runs the jobs of
// several contexts in rounds: README, Known limits)
const late = [];
process.on('exit', () => { for (const l of late.sort()) console.log(l); });
const asyncCases = new Set(['async', 'async sync part', 'promise then', 'new Promise', 'prepare async']);
const out = (...a) => (asyncCases.has(a[0]) ? (l) => late.push(l) : console.log)(a.map(ctxFrames).join(' || '));
const t = (name, code, opts) => {
  const ctx = vm.createContext({ out: (...a) => out(name, ...a), own });
  try { vm.runInContext(code, ctx, { filename: 'ctx.js', ...opts }); } catch (e) { out(name, 'throws', e && e.stack); }
};
t('function', 'function f() { return new Error("x") }\nout(f().stack)');
t('top level', 'out(new Error("t").stack)');
t('constructor', 'class X { constructor() { this.e = new Error("c") } }\nout(new X().e.stack)');
t('new function', 'function F() { this.e = new RangeError("F") }\nout(new F().e.stack)');
t('derived class', 'class A extends Error {}\nclass B extends A { constructor() { super("b"); this.name = "B" } }\nout(new B().stack)');
t('method', 'const o = { m() { return new TypeError("m") } }\nout(o.m().stack)');
t('method alias', 'function named() { return new Error("al") }\nconst o = { alias: named }\nout(o.alias().stack)');
t('class method', 'class K { m() { return new Error("k") } static s() { return new Error("s") } }\nout(new K().m().stack, K.s().stack)');
t('getter', 'const o = { get g() { return new Error("g") } }\nout(o.g.stack)');
t('private', 'class P { #p() { return new Error("p") } q() { return this.#p() } }\nout(new P().q().stack)');
t('arrow', 'const a = () => new Error("a")\nout(a().stack)');
t('nested', 'function a() { return b() } function b() { return c() } function c() { return new Error("n") }\nout(a().stack)');
t('call, apply', 'function f() { return new Error("ca") }\nout(f.call(null).stack, f.apply({}).stack)');
t('forEach', 'let e; [1].forEach(function cb() { e = new Error("fe") })\nout(e.stack)');
t('map arrow', 'let e; [1].map(() => { e = new Error("ma") })\nout(e.stack)');
t('number receiver', 'Number.prototype.f = function () { return new Error("nr") }\nout((5).f().stack)');
t('string receiver', 'String.prototype.f = function () { return new Error("sr") }\nout("s".f().stack)');
t('async', 'async function af() { await null; throw new Error("as") }\nasync function outer() { await af() }\nouter().catch(e => out(e.stack))', { filename: 'async.js' });
t('async sync part', 'async function af() { throw new Error("sy") }\naf().catch(e => out(e.stack))');
t('promise then', 'Promise.resolve().then(function th() { throw new Error("th") }).catch(e => out(e.stack))');
t('new Promise', 'new Promise(function ex() { throw new Error("np") }).catch(e => out(e.stack))');
t('eval', 'out(eval("new Error(\\"ev\\")").stack)');
t('eval in function', 'function f() { return eval("new Error(\\"ef\\")") }\nout(f().stack)');
t('indirect eval', 'out((0, eval)("new Error(\\"ie\\")").stack)');
t('Function', 'out(Function("return new Error(\\"fn\\")")().stack)');
t('engine TypeError', 'try { null.x } catch (e) { out(e.stack) }');
t('engine TypeError in f', 'function f(o) { return o.p.q }\ntry { f({}) } catch (e) { out(e.stack) }');
t('not a function', 'try { undefined() } catch (e) { out(e.stack) }');
t('RangeError', 'try { new Array(-1) } catch (e) { out(e.stack) }');
t('toFixed', 'try { (1).toFixed(500) } catch (e) { out(e.stack) }');
t('URIError', 'try { decodeURI("%") } catch (e) { out(e.stack) }');
t('ReferenceError', 'try { nosuch } catch (e) { out(e.stack) }');
t('eval SyntaxError', 'try { eval("(") } catch (e) { out(e.stack) }');
t('JSON SyntaxError', 'try { JSON.parse("{") } catch (e) { out(e.name, e.stack.replace(/^.*/, "")) }');
t('Error call', 'function f() { return Error("call") }\nout(f().stack)');
t('TypeError call', 'out(TypeError("tc").stack)');
t('AggregateError', 'out(new AggregateError([], "ag").stack)');
t('stack is own', 'const e = new Error("o")\nconst d = Object.getOwnPropertyDescriptor(e, "stack")\nout(Object.getOwnPropertyNames(e).join(), typeof d.value, typeof d.get, d.enumerable, d.configurable)');
t('stack after read', 'const e = new Error("o"); e.stack\nconst d = Object.getOwnPropertyDescriptor(e, "stack")\nout(typeof d.value, d.writable, d.enumerable, d.configurable)');
t('stack set', 'const e = new Error("o"); e.stack = 5\nout(e.stack, typeof e.stack)');
t('name after', 'const e = new Error("late"); e.name = "Late"; e.message = "changed"\nout(e.stack)');
t('name after read', 'const e = new Error("m"); e.stack; e.name = "X"\nout(e.stack)');
t('throwing message getter', 'const e = new Error("x"); Object.defineProperty(e, "message", { get() { throw new Error("boom") } })\ntry { out(e.stack) } catch (x) { out("threw", x.message) }');
t('uncaught in context', 'function f() { throw new Error("up") }\nf()');
t('uncaught engine', 'function f() { null.y }\nf()');
// Error.stackTraceLimit per realm
t('limit default', 'out(Error.stackTraceLimit, Object.getOwnPropertyDescriptor(Error, "stackTraceLimit").writable)');
t('limit 0', 'Error.stackTraceLimit = 0\nfunction f() { return new Error("z") }\nout(f().stack)');
t('limit 1', 'Error.stackTraceLimit = 1\nfunction g() { return h() } function h() { return new Error("one") }\nout(g().stack)');
t('limit 2', 'Error.stackTraceLimit = 2\nfunction a() { return b() } function b() { return c() } function c() { return new Error("two") }\nout(a().stack)');
t('limit -1', 'Error.stackTraceLimit = -1\nout(new Error("neg").stack)');
t('limit 1.5', 'Error.stackTraceLimit = 1.5\nfunction g() { return h() } function h() { return new Error("frac") }\nout(g().stack)');
t('limit Infinity', 'Error.stackTraceLimit = Infinity\nfunction g() { return new Error("inf") }\nout(g().stack)');
t('limit NaN', 'Error.stackTraceLimit = NaN\nout(new Error("nan").stack)');
t('limit string', 'Error.stackTraceLimit = "5"\nconst e = new Error("str")\nout(e.stack, Object.getOwnPropertyNames(e).join())');
t('limit deleted', 'delete Error.stackTraceLimit\nconst e = new Error("del")\nout(e.stack, Object.getOwnPropertyNames(e).join(), "stack" in e)');
t('limit getter', 'let n = 0; Object.defineProperty(Error, "stackTraceLimit", { get() { n++; return 1 }, configurable: true })\nout(new Error("get").stack, n)');
t('limit engine error', 'Error.stackTraceLimit = 0\ntry { null.x } catch (e) { out(e.stack) }');
t('limit other realm', 'out(new Error("r").stack)');
t('limit main untouched', 'Error.stackTraceLimit = 0; out(typeof outerLimit)');
// Error.captureStackTrace
t('capture', 'const o = {}; Error.captureStackTrace(o)\nout(o.stack, Object.getOwnPropertyNames(o).join())');
t('capture in f', 'function f() { const o = {}; Error.captureStackTrace(o); return o }\nout(f().stack)');
t('capture fn', 'function outer() { return inner() } function inner() { const o = {}; Error.captureStackTrace(o, inner); return o }\nout(outer().stack)');
t('capture fn not on stack', 'function f() { const o = {}; Error.captureStackTrace(o, Math.max); return o }\nout(f().stack)');
t('capture head late', 'const o = { name: "N", message: "m" }; Error.captureStackTrace(o); o.message = "later"\nout(o.stack)');
t('capture error', 'const e = new Error("ce"); function f() { Error.captureStackTrace(e) } f()\nout(e.stack)');
t('capture descriptor', 'const o = {}; Error.captureStackTrace(o)\nconst d = Object.getOwnPropertyDescriptor(o, "stack")\nout(d.enumerable, d.configurable, "value" in d ? "data" : "accessor")');
t('capture primitive', 'try { Error.captureStackTrace(1) } catch (e) { out(e.name, e.message) }');
t('capture frozen', 'try { Error.captureStackTrace(Object.freeze({})) } catch (e) { out(e.name, e.message) }');
t('capture limit 0', 'Error.stackTraceLimit = 0; const o = {}; Error.captureStackTrace(o)\nout(o.stack)');
t('capture class pattern', 'class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; Error.captureStackTrace(this, MyErr) } }\nfunction thrower() { return new MyErr("mine") }\nout(thrower().stack)');
// Error.prepareStackTrace
t('prepare', 'Error.prepareStackTrace = (e, cs) => e.message + ":" + own(cs).length + ":" + own(cs).map(String).join(",")\nfunction f() { return new Error("p") }\nout(f().stack)');
t('prepare callsites', 'Error.prepareStackTrace = (e, cs) => own(cs).map(c => [c.getFunctionName(), c.getTypeName(), c.getMethodName(), c.getFileName(), c.getLineNumber(), c.getColumnNumber(), c.isToplevel(), c.isConstructor(), c.isEval(), c.isNative()].join("/")).join(";")\nclass X { constructor() { this.e = new Error() } m() { return new Error() } }\nfunction f() { return new Error() }\nout(new X().e.stack, new X().m().stack, f().stack)');
t('prepare this/function', 'Error.prepareStackTrace = (e, cs) => own(cs).map(c => typeof c.getThis() + "," + typeof c.getFunction()).join(";")\nfunction sloppy() { return new Error() }\nconst o = { m() { return new Error() } }\nout(sloppy().stack, o.m().stack)');
t('prepare strict', '"use strict"; Error.prepareStackTrace = (e, cs) => own(cs).map(c => typeof c.getThis() + "," + typeof c.getFunction()).join(";")\nfunction strict() { return new Error() }\nout(strict().stack)');
t('prepare getFunction identity', 'let fnSeen; Error.prepareStackTrace = (e, cs) => { fnSeen = cs[0].getFunction(); return "" }\nfunction me() { return new Error() }\nme().stack\nout(fnSeen === me)');
t('prepare getThis identity', 'let self; Error.prepareStackTrace = (e, cs) => { self = cs[0].getThis(); return "" }\nconst o = { m() { return new Error() } }\no.m().stack\nout(self === o)');
t('prepare eval', 'Error.prepareStackTrace = (e, cs) => own(cs).map(c => [c.isEval(), c.getEvalOrigin(), c.getFunctionName()].join("/")).join(";")\nout(eval("new Error()").stack)');
t('prepare async', 'Error.prepareStackTrace = (e, cs) => own(cs).map(c => [c.getFunctionName(), c.isAsync(), c.getPromiseIndex()].join("/")).join(";")\nasync function a() { await null; return new Error() }\nasync function b() { return await a() }\nb().then(e => out(e.stack))');
t('prepare returns object', 'Error.prepareStackTrace = () => ({ custom: 1 })\nout(typeof new Error().stack, new Error().stack.custom)');
t('prepare throws', 'Error.prepareStackTrace = () => { throw new Error("inside") }\ntry { new Error("x").stack; out("no throw") } catch (e) { out("threw", e.message) }');
t('prepare lazily', 'const e = new Error("lazy")\nError.prepareStackTrace = () => "late"\nout(e.stack)');
t('prepare removed', 'Error.prepareStackTrace = () => "p"; const e = new Error("rm"); Error.prepareStackTrace = undefined\nout(e.stack)');
t('prepare non-function', 'Error.prepareStackTrace = 5\nout(new Error("nf").stack)');
t('prepare nested stack read', 'Error.prepareStackTrace = (e, cs) => "outer:" + new Error("in").stack.split("\\n")[0]\nout(new Error("o").stack)');
t('prepare engine error', 'Error.prepareStackTrace = (e, cs) => e.name + "/" + own(cs).length\ntry { null.x } catch (e) { out(e.stack) }');
t('prepare capture', 'Error.prepareStackTrace = (e, cs) => "cap:" + own(cs).length\nconst o = {}; Error.captureStackTrace(o)\nout(o.stack)');
t('prepare toString of sites', 'Error.prepareStackTrace = (e, cs) => own(cs).join(" / ")\nclass C { constructor() { this.e = new Error() } }\nout(new C().e.stack)');
// an error of a context read in the main realm, and the other way round
{
  const ctx = vm.createContext({});
  const e = vm.runInContext('function f() { return new Error("cross") }\nf()', ctx, { filename: 'ctx.js' });
  out('cross read', e.stack);
  ctx.own = own;
  vm.runInContext('Error.prepareStackTrace = (e, cs) => "ctx prepare " + own(cs).length', ctx);
  const e2 = vm.runInContext('new Error("ctx")', ctx);
  out('prepare of error realm', e2.stack, new Error('main').stack.split('\n')[0]);
  const e3 = new Error('main error');
  ctx.e3 = e3;
  out('main error in ctx', vm.runInContext('e3.stack.split("\\n")[0]', ctx));
  vm.runInContext('Error.stackTraceLimit = 0', ctx);
  out('limits per realm', Error.stackTraceLimit, vm.runInContext('Error.stackTraceLimit', ctx), new Error('m').stack.split('\n').length > 1);
}
// builtins' frames, named by their receivers
{
  const r = (name, code) => { try { out(name, String(vm.runInNewContext(code, {}, 'ctx.js'))); } catch (e) { out(name, 'throws', e.stack); } };
  r('captureStackTrace frame', 'try { Error.captureStackTrace(5) } catch (e) { e.stack }');
  r('Array.from frame', 'try { Array.from({ length: 1 }, function m() { throw new Error("af") }) } catch (e) { e.stack }');
  r('Promise.all frame', 'try { Promise.all.call(5, []) } catch (e) { e.stack }');
  r('defineProperty frame', 'try { Object.defineProperty(1, "x", {}) } catch (e) { e.stack }');
  r('reduce frame', 'try { [1, 2].reduce(function rd() { throw new Error("r") }) } catch (e) { e.stack }');
  r('Reflect.apply frame', 'try { Reflect.apply(function rf() { throw new Error("rf") }, null, []) } catch (e) { e.stack }');
  r('replace frame', 'try { "abc".replace(/b/, function rep() { throw new Error("rep") }) } catch (e) { e.stack }');
  r('Map forEach frame', 'try { new Map([[1, 2]]).forEach(function mf() { throw new Error("mf") }) } catch (e) { e.stack }');
  r('Object.keys frame', 'try { Object.keys(null) } catch (e) { e.stack }');
  r('Symbol toString frame', 'try { Symbol.prototype.toString.call(1) } catch (e) { e.stack }');
}
// Node's prepareStackTrace callback: globalThis.Error's of the error's
// realm, else the main context's intrinsic Error's
{
  const ownSites = (cs) => cs.filter((c) => c.getFileName() === 'ctx.js').map((c) => c.getFunctionName() + ':' + c.getLineNumber()).join(',');
  Error.prepareStackTrace = function (e, cs) { return 'main prep: ' + (this === Error) + ' ' + e.message + ' ' + ownSites(cs); };
  out('main prepare for ctx error', vm.runInNewContext('function f() { return new Error("ctx err") } f().stack', {}, 'ctx.js'));
  out('ctx prepare first', vm.runInNewContext('Error.prepareStackTrace = (e) => "own " + e.message; new Error("ctx2").stack', {}, 'ctx.js'));
  out('ctx Error replaced', vm.runInNewContext('Error = 5; try { null.x } catch (e) { e.stack }', {}, 'ctx.js'));
  Error.prepareStackTrace = undefined;
  const E = Error;
  E.prepareStackTrace = () => 'from intrinsic';
  globalThis.Error = function () {};
  out('main Error replaced', new E('x').stack, vm.runInNewContext('new Error("z").stack', {}, 'ctx.js'));
  globalThis.Error = E;
  E.prepareStackTrace = undefined;
}
// compile errors are the parsing context's (Node compiles runInContext's,
// runInNewContext's and compileFunction's code there), the main realm's
// for new Script and runInThisContext
{
  const ctx = vm.createContext({});
  const CSE = vm.runInContext('SyntaxError', ctx);
  const CRE = vm.runInContext('RangeError', ctx);
  const realm = (e) => [e instanceof SyntaxError || e instanceof RangeError ? 'main' : e instanceof CSE || e instanceof CRE ? 'ctx' : 'other', e.name, e.message.slice(0, 60), Object.getOwnPropertyNames(e).join()].join(' ');
  const c = (name, f) => { try { f(); out(name, 'no throw'); } catch (e) { out(name, realm(e)); } };
  c('runInNewContext', () => vm.runInNewContext('('));
  c('runInNewContext options', () => vm.runInNewContext('(', {}, { filename: 'f.js' }));
  c('runInNewContext string', () => vm.runInNewContext('(', {}, 'f.js'));
  c('runInContext', () => vm.runInContext('(', ctx));
  c('runInContext options', () => vm.runInContext('(', ctx, { filename: 'f.js' }));
  c('runInContext string', () => vm.runInContext('(', ctx, 'f.js'));
  c('runInContext label', () => vm.runInContext('a: a: 1', ctx));
  try { vm.runInContext('/(/', ctx); } catch (e) { out('runInContext regexp literal', realm(e).split(' ').slice(0, 2).join(' ')); }
  c('runInContext too deep', () => vm.runInContext('['.repeat(100000), ctx));
  c('runInContext cachedData', () => vm.runInContext('(', ctx, { cachedData: Buffer.from('x') }));
  c('runInThisContext', () => vm.runInThisContext('('));
  c('new Script', () => new vm.Script('('));
  c('createScript', () => vm.createScript('('));
  c('compileFunction', () => vm.compileFunction('('));
  c('compileFunction parsingContext', () => vm.compileFunction('(', [], { parsingContext: ctx }));
  c('eval in context', () => vm.runInContext('eval("(")', ctx));
  c('Function in context', () => vm.runInContext('Function("(")', ctx));
  c('after a compile error', () => vm.runInContext('throw new Error("next")', ctx));
  const code = { toString() { vm.runInThisContext('1'); return '('; } };
  c('code toString reenters', () => vm.runInContext(code, ctx));
  try { vm.runInContext('(', ctx, 'f.js'); } catch (e) { out('compile error stack', e.stack.split('\n').slice(0, 5).join('|')); }
}
// CallSite getThis/getFunction: the receiver and function of sloppy
// frames, undefined from the first strict frame (builtins are strict)
{
  const src = `
Error.prepareStackTrace = (e, cs) => cs.filter(c => c.getFileName() === 'ctx.js' || c.getFileName() === undefined).map(c => [c.getFunctionName(), typeof c.getThis(), typeof c.getFunction(), c.getThis() === globalThis, c.isNative(), c.isToplevel()].join(',')).join(' ; ');
function sloppy() { return new Error() }
const arrow = () => new Error();
const o = { m() { return new Error() } };
class C { m() { return new Error() } static s() { return new Error() } }
let e1; [1].forEach(function cb() { e1 = new Error() });
function sp() { return new Error() }
out(sloppy().stack, arrow().stack, o.m().stack, new C().m().stack, C.s().stack, e1.stack, sp.call(5).stack, sp.call('s').stack, eval('new Error()').stack, new Function('return new Error()')().stack);
Error.prepareStackTrace = (e, cs) => [cs[0].getFunction() === sloppy2, cs[0].getThis() === o2, cs[1].getThis() === globalThis, cs[1].getFunction()].join();
function sloppy2() { return new Error() }
const o2 = { sloppy2 };
out(o2.sloppy2().stack);
`;
  vm.runInNewContext(src, { out: (...a) => out('callsite this/function', ...a) }, 'ctx.js');
  vm.runInNewContext('"use strict";' + src, { out: (...a) => out('callsite this/function strict', ...a) }, 'ctx.js');
}
// V8's one stack: an error made in a context lists its callers in the
// main realm (shown here by the main function's name only)
{
  const ctx = vm.createContext({});
  const mainFrames = (s) => s.split('\n').filter((l) => /^\s+at (?:mainCaller|ctxFn|ctx\.js)/.test(l)).map((l) => l.replace(/ \(.*\)$/, '').trim()).join('|');
  function mainCaller(code) { return vm.runInContext(code, ctx, { filename: 'ctx.js' }); }
  out('main callers of a context error', mainFrames(mainCaller('function ctxFn() { return new Error("m") } ctxFn()').stack));
  out('main callers of an engine error', mainFrames(mainCaller('try { null.x } catch (e) { e }').stack));
  out('main callers read inside', mainCaller('function ctxFn() { return new Error("m").stack } ctxFn()').split('\n').filter((l) => /mainCaller/.test(l)).length);
  const f = vm.runInContext('(function ctxFn() { return new Error("f") })', ctx);
  function mainCaller2() { return f(); }
  out('main callers of a called function', mainFrames(mainCaller2().stack).replace('mainCaller', 'X'), /at mainCaller2/.test(mainCaller2().stack));
}
