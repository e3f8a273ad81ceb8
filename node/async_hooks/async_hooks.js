'use strict';
// AsyncLocalStorage: the current frame (a Map from storage to store) is
// captured when a callback is scheduled through setTimeout/setInterval/
// setImmediate, process.nextTick, queueMicrotask or an AsyncResource, and
// restored while it runs. Promise reactions (then/catch/finally callbacks
// and the continuations of `await`) are tracked by the engine's async
// context tracker (internals.trackPromises), which captures the frame when
// a reaction is registered and restores it around the job. All of it is
// installed when the first AsyncLocalStorage is made.
let current = new Map();
let installed = false;

function bind(fn) {
  if (typeof fn !== 'function') return fn;
  const frame = current;
  return function (...args) {
    const prev = current;
    current = frame;
    try { return FunctionPrototypeApply(fn, this, args); } finally { current = prev; }
  };
}
function install() {
  if (installed) return;
  installed = true;
  const g = globalThis;
  for (const name of SafeIterable(['setTimeout', 'setInterval', 'setImmediate'])) {
    const orig = g[name];
    const wrapped = { [name](fn, ...rest) { return FunctionPrototypeCall(orig, this, bind(fn), ...SafeIterable(rest)); } }[name];
    if (orig && orig.__promisify__) wrapped.__promisify__ = orig.__promisify__;
    for (const k of SafeIterable(ObjectGetOwnPropertySymbols(orig))) wrapped[k] = orig[k];
    g[name] = wrapped;
  }
  const qm = g.queueMicrotask;
  g.queueMicrotask = function queueMicrotask(fn) { return FunctionPrototypeCall(qm, this, bind(fn)); };
  const nt = process.nextTick;
  process.nextTick = function nextTick(fn, ...args) { return FunctionPrototypeCall(nt, this, bind(fn), ...SafeIterable(args)); };
  trackPromises(() => current, (frame) => { current = frame; });
}

class AsyncLocalStorage {
  constructor() { install(); this._enabled = false; }
  static bind(fn) { install(); return bind(fn); }
  static snapshot() { install(); const frame = current; return (fn, ...args) => { const prev = current; current = frame; try { return fn(...SafeIterable(args)); } finally { current = prev; } }; }
  getStore() { return MethodGet(current, this); }
  run(store, fn, ...args) {
    const prev = current;
    current = new Map(prev);
    MethodSet(current, this, store);
    try { return fn(...SafeIterable(args)); } finally { current = prev; }
  }
  exit(fn, ...args) {
    const prev = current;
    current = new Map(prev);
    MethodDelete(current, this);
    try { return fn(...SafeIterable(args)); } finally { current = prev; }
  }
  enterWith(store) { current = new Map(current); MethodSet(current, this, store); }
  disable() { current = new Map(current); MethodDelete(current, this); }
}

let nextId = 1;
class AsyncResource {
  constructor(type, opts) {
    if (typeof type !== 'string') throw internals.invalidArgType('type', 'of type string', type);
    this._type = type; this._frame = current; this._id = ++nextId;
    this._trigger = opts && typeof opts === 'object' && opts.triggerAsyncId !== undefined ? opts.triggerAsyncId : 1;
  }
  runInAsyncScope(fn, thisArg, ...args) {
    const prev = current;
    current = this._frame;
    try { return FunctionPrototypeApply(fn, thisArg, args); } finally { current = prev; }
  }
  emitDestroy() { return this; }
  asyncId() { return this._id; }
  triggerAsyncId() { return this._trigger; }
  bind(fn, thisArg) { const self = this; const b = function (...a) { return self.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...SafeIterable(a)); }; return b; }
  static bind(fn, type, thisArg) { return FunctionPrototypeBind(new AsyncResource(type || 'bound-anonymous-fn'), fn, thisArg); }
}

module.exports = {
  AsyncLocalStorage,
  createHook() { const h = { enable() { return h; }, disable() { return h; } }; return h; },
  executionAsyncId() { return 1; },
  triggerAsyncId() { return 0; },
  executionAsyncResource() { return {}; },
  asyncWrapProviders: ObjectFreeze({ NONE: 0, PROMISE: 27, TIMERWRAP: 0, TickObject: 0, Immediate: 0 }),
  AsyncResource,
};
