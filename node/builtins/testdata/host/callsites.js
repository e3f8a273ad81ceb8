// Error.prepareStackTrace with V8's CallSite API (depd, used by express
// and koa, reads its caller this way) and Error.captureStackTrace's frames.
'use strict';
function getStack() {
  const limit = Error.stackTraceLimit;
  const obj = {};
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = (o, s) => s;
  Error.stackTraceLimit = Math.max(10, limit);
  Error.captureStackTrace(obj);
  const stack = obj.stack.slice(1);
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = limit;
  return stack;
}
function callerOfCaller() { return getStack(); }
const sites = callerOfCaller();
const c = sites[0];
console.log(Array.isArray(sites), sites.length > 1);
console.log(c.getFileName() === __filename, c.getLineNumber(), c.getColumnNumber(), c.getFunctionName());
console.log(c.isEval(), c.isNative(), c.isConstructor(), c.isAsync(), c.isPromiseAll(), c.getPromiseIndex());
console.log(String(c).replace(__filename, 'FILE'));
class Thing { method() { return getStack()[0]; } }
const m = new Thing().method();
console.log(m.getFunctionName(), m.getLineNumber()); // V8's frame says Thing.method, sobek's does not name the class
function Ctor() { this.site = getStack()[0]; }
const k = new Ctor().site;
console.log(k.isConstructor(), k.getFunctionName());

Error.prepareStackTrace = (err, cs) => `${err.name}: ${err.message} @ ${cs[0].getFunctionName()}:${cs[0].getLineNumber()} (${cs.length > 0})`;
function thrower() { return new Error('boom').stack; }
console.log(thrower());
class MyErr extends Error {}
console.log(new MyErr('sub').stack.split(' @ ')[0]);
Error.prepareStackTrace = () => ({ custom: true });
console.log(new Error('x').stack);
Error.prepareStackTrace = (e) => { const inner = new Error('inner').stack; return `outer(${inner.split('\n')[0]})`; };
console.log(new Error('o').stack);
Error.prepareStackTrace = () => { throw new Error('prep failed'); };
try { console.log(new Error('z').stack); } catch (e) { console.log('threw', e.message); }
Error.prepareStackTrace = undefined;
console.log(new Error('plain').stack.split('\n')[0]);

function a() { const o = {}; Error.captureStackTrace(o); return o.stack.split('\n')[1].trim().split(' ')[1]; }
function b() { const o = {}; Error.captureStackTrace(o, b); return o.stack.split('\n')[1].trim().split(' ')[1]; }
function outer() { return b(); }
console.log(a(), outer());
