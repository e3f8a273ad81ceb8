'use strict';
// worker_threads over native endpoints (worker_threads.go, ports.go): the
// Go side copies values (structured clone), moves transferred buffers and
// ports, and runs each Worker on a host of its own; this file is Node's
// API shape: MessagePort (an EventTarget with Node's on/once/off),
// MessageChannel, BroadcastChannel, Worker (an EventEmitter).
const EventEmitter = require('events');
const { EventTarget, Event, DOMException } = EventEmitter;
const path = require('path');

const kState = new WeakMap(); // MessagePort -> { handle, listeners, refed, onmessage, closed }
const untransferable = new WeakSet();
const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');
const isArrayBuffer = (v) => {
  try { FunctionPrototypeCall(ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get, v); return true; } catch { return false; }
};

function dataCloneError(message) { return new DOMException(message, 'DataCloneError'); }

class MessageEvent extends Event {
  constructor(type, init) {
    super(type);
    const o = init || {};
    ObjectDefineProperty(this, '_init', { value: { data: o.data, ports: ObjectFreeze(o.ports ? ArrayFrom(o.ports) : []), origin: o.origin === undefined ? '' : String(o.origin), lastEventId: o.lastEventId === undefined ? '' : String(o.lastEventId), source: o.source === undefined ? null : o.source } });
  }
  get data() { return this._init.data; }
  get ports() { return this._init.ports; }
  get origin() { return this._init.origin; }
  get lastEventId() { return this._init.lastEventId; }
  get source() { return this._init.source; }
}

let constructing = false;

function stateOf(port, name) {
  const st = WeakMapPrototypeGet(kState, port);
  if (!st) throw new TypeError('Illegal invocation');
  return st;
}

// keep-alive: a port with 'message' listeners that is ref'd keeps its
// thread's loop running
function updateAlive(port) {
  const st = WeakMapPrototypeGet(kState, port);
  const listening = st.messageListeners > 0 || typeof st.onmessage === 'function';
  if (listening) st.handle.start();
  st.handle.setAlive(listening && st.refed && !st.closed);
}

function invalidTransfer(list, what) {
  return internals.newError('TypeError', 'ERR_INVALID_ARG_TYPE', 'Optional ' + what + ' argument must be an iterable');
}

// splitTransfer validates a transfer list (an iterable, or { transfer })
// into the ArrayBuffers and the MessagePorts that move.
function splitTransfer(source, transfer) {
  const buffers = [], ports = [];
  if (transfer === undefined || transfer === null) return [buffers, ports];
  let list = transfer, what = 'transferList';
  if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
    if (typeof transfer !== 'object') throw invalidTransfer(transfer, what);
    list = transfer.transfer;
    what = 'options.transfer';
    if (list === undefined) return [buffers, ports];
    if (list === null || typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') throw invalidTransfer(list, what);
  }
  for (const item of SafeIterable(list)) {
    if (item instanceof MessagePort || WeakMapPrototypeHas(kState, item)) {
      if (item === source) throw dataCloneError('Transfer list contains source port');
      if (MethodIncludes(ports, item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
      const st = WeakMapPrototypeGet(kState, item);
      if (!st || st.closed || st.handle.gone()) throw dataCloneError('MessagePort in transfer list is already detached');
      MethodPush(ports, item);
    } else if (isArrayBuffer(item)) {
      if (MethodIncludes(buffers, item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      if (!WeakSetPrototypeHas(untransferable, item)) MethodPush(buffers, item);
    } else {
      throw internals.newError('TypeError', 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
  }
  return [buffers, ports];
}

function dispatch(port, type, value, ports) {
  const ev = type === 'message' || type === 'messageerror' ? new MessageEvent(type, { data: value, ports }) : new Event(type);
  port.dispatchEvent(ev);
}

class MessagePort extends EventTarget {
  constructor() {
    if (!constructing) throw internals.newError('TypeError', 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
  }
  postMessage(value, transfer) {
    const st = stateOf(this);
    if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    const [buffers, ports] = SafeIterable(splitTransfer(this, transfer));
    if (st.closed) return true;
    st.handle.post(value, buffers, ports);
    return true;
  }
  start() { stateOf(this).handle.start(); }
  close() {
    const st = stateOf(this);
    if (st.closed) return;
    st.handle.close();
  }
  ref() { const st = stateOf(this); st.refed = true; updateAlive(this); return this; }
  unref() { const st = stateOf(this); st.refed = false; updateAlive(this); return this; }
  hasRef() { return stateOf(this).handle.hasRef(); }
  get onmessage() { return stateOf(this).onmessage; }
  set onmessage(fn) { const st = stateOf(this); st.onmessage = typeof fn === 'function' ? fn : null; updateAlive(this); }
  get onmessageerror() { return stateOf(this).onmessageerror; }
  set onmessageerror(fn) { stateOf(this).onmessageerror = typeof fn === 'function' ? fn : null; }

  addEventListener(type, listener, options) {
    const st = stateOf(this);
    if (arguments.length < 2) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
    if (listener == null) return;
    const once = !!(options && typeof options === 'object' && options.once);
    addListener(this, st, String(type), listener, once, false);
  }
  removeEventListener(type, listener) {
    removeListener(this, stateOf(this), String(type), listener, false);
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw internals.invalidArgType('event', 'an instance of Event', event);
    const st = stateOf(this);
    const type = event.type;
    const list = MethodSlice((MethodGet(st.listeners, type) || []));
    const handler = type === 'message' ? st.onmessage : type === 'messageerror' ? st.onmessageerror : null;
    let error;
    const run = (fn, arg) => { try { FunctionPrototypeCall(fn, this, arg); } catch (e) { if (error === undefined) error = { e }; } };
    if (handler) run(handler, event);
    for (const l of SafeIterable(list)) {
      if (l.removed) continue;
      if (l.once) removeListener(this, st, type, l.listener, l.node);
      const arg = l.node ? (type === 'message' || type === 'messageerror' ? event.data : undefined) : event;
      if (typeof l.listener === 'function') run(l.listener, arg);
      else if (l.listener && typeof l.listener.handleEvent === 'function') run((a) => l.listener.handleEvent(a), arg);
    }
    if (error) throw error.e;
    return true;
  }
  // Node's NodeEventTarget methods
  on(type, fn) { addListener(this, stateOf(this), String(type), fn, false, true); return this; }
  addListener(type, fn) { return this.on(type, fn); }
  once(type, fn) { addListener(this, stateOf(this), String(type), fn, true, true); return this; }
  off(type, fn) { removeListener(this, stateOf(this), String(type), fn, true); return this; }
  removeListener(type, fn) { return this.off(type, fn); }
  removeAllListeners(type) {
    const st = stateOf(this);
    for (const t of SafeIterable(type === undefined ? [...SafeIterable(MethodKeys(st.listeners))] : [String(type)])) {
      for (const l of SafeIterable(MethodSlice((MethodGet(st.listeners, t) || [])))) removeListener(this, st, t, l.listener, l.node);
    }
    return this;
  }
  emit(type, arg) { dispatch(this, String(type), arg, []); return true; }
  listenerCount(type) { return (MethodGet(stateOf(this).listeners, String(type)) || []).length; }
  eventNames() { return MethodFilter([...SafeIterable(MethodKeys(stateOf(this).listeners))], (t) => this.listenerCount(t) > 0); }
}

function addListener(port, st, type, fn, once, node) {
  if (typeof fn !== 'function' && !(fn && typeof fn === 'object' && !node)) throw internals.invalidArgType('listener', 'of type function', fn);
  let list = MethodGet(st.listeners, type);
  if (!list) { list = []; MethodSet(st.listeners, type, list); }
  if (!node && MethodSome(list, (l) => l.listener === fn && !l.node)) return;
  MethodPush(list, { listener: fn, once, node, removed: false });
  if (type === 'message') { st.messageListeners++; updateAlive(port); }
}

function removeListener(port, st, type, fn, node) {
  const list = MethodGet(st.listeners, type);
  if (!list) return;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].listener === fn && list[i].node === node) {
      list[i].removed = true;
      MethodSplice(list, i, 1);
      if (list.length === 0) MethodDelete(st.listeners, type);
      if (type === 'message') { st.messageListeners--; updateAlive(port); }
      return;
    }
  }
}

function makePort(handle) {
  constructing = true;
  let port;
  try { port = new MessagePort(); } finally { constructing = false; }
  const st = { handle, listeners: new Map(), messageListeners: 0, refed: true, onmessage: null, onmessageerror: null, closed: false };
  WeakMapPrototypeSet(kState, port, st);
  handle.init(
    (value, ports) => dispatch(port, 'message', value, ports),
    (err) => dispatch(port, 'messageerror', err, []),
    () => { st.closed = true; updateAlive(port); dispatch(port, 'close'); });
  return port;
}

native.setFactories(makePort, dataCloneError);

class MessageChannel {
  constructor() {
    const [port1, port2] = SafeIterable(native.channel());
    ObjectDefineProperty(this, 'port1', { value: port1, enumerable: true, configurable: true, writable: false });
    ObjectDefineProperty(this, 'port2', { value: port2, enumerable: true, configurable: true, writable: false });
  }
}

function receiveMessageOnPort(port) {
  const st = WeakMapPrototypeGet(kState, port);
  if (!st) throw internals.newError('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  return st.handle.receive();
}

function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  WeakSetPrototypeAdd(untransferable, obj);
}

// ---- environment data (copied into each new Worker) ----
const environmentData = new Map();
{
  const inherited = native.environmentData();
  if (inherited instanceof Map) for (const [k, v] of SafeIterable(inherited)) MethodSet(environmentData, k, v);
}
function setEnvironmentData(key, value) {
  if (value === undefined) MethodDelete(environmentData, key); else MethodSet(environmentData, key, value);
}
function getEnvironmentData(key) { return MethodGet(environmentData, key); }

// ---- BroadcastChannel: every channel of a name, in every thread ----
const kBC = new WeakMap();
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super();
    const self = this;
    const st = { name: String(name), onmessage: null, onmessageerror: null, closed: false, refed: true, listeners: 0 };
    st.handle = native.broadcast(st.name, (value) => {
      const ev = new MessageEvent('message', { data: value });
      if (typeof st.onmessage === 'function') FunctionPrototypeCall(st.onmessage, self, ev);
      FunctionPrototypeCall(EventTarget.prototype.dispatchEvent, self, ev);
    });
    WeakMapPrototypeSet(kBC, this, st);
  }
  get name() { return bc(this).name; }
  postMessage(message) {
    const st = bc(this);
    if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    if (st.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    st.handle.post(message);
  }
  close() { const st = bc(this); if (st.closed) return; st.closed = true; st.handle.close(); }
  ref() { const st = bc(this); st.refed = true; st.handle.setAlive(!st.closed && (st.listeners > 0 || !!st.onmessage)); return this; }
  unref() { const st = bc(this); st.refed = false; st.handle.setAlive(false); return this; }
  get onmessage() { return bc(this).onmessage; }
  set onmessage(fn) { const st = bc(this); st.onmessage = typeof fn === 'function' ? fn : null; st.handle.setAlive(st.refed && !st.closed && (st.listeners > 0 || !!st.onmessage)); }
  get onmessageerror() { return bc(this).onmessageerror; }
  set onmessageerror(fn) { bc(this).onmessageerror = typeof fn === 'function' ? fn : null; }
  addEventListener(type, fn, opts) {
    const st = bc(this);
    super.addEventListener(type, fn, opts);
    if (String(type) === 'message') { st.listeners++; st.handle.setAlive(st.refed && !st.closed); }
  }
  removeEventListener(type, fn, opts) {
    const st = bc(this);
    super.removeEventListener(type, fn, opts);
    if (String(type) === 'message' && st.listeners > 0) { st.listeners--; st.handle.setAlive(st.refed && !st.closed && (st.listeners > 0 || !!st.onmessage)); }
  }
}
function bc(o) { const st = WeakMapPrototypeGet(kBC, o); if (!st) throw new TypeError('Illegal invocation'); return st; }
ObjectDefineProperty(BroadcastChannel.prototype, Symbol.toStringTag, { value: 'BroadcastChannel', configurable: true });

// ---- Worker ----
const kWorker = new WeakMap();
const limitKeys = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];

function workerPath(filename) {
  if (typeof filename === 'string') {
    if (path.isAbsolute(filename)) return filename;
    if (/^\.\.?[\\/]/.test(filename)) return path.resolve(filename);
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(filename) && !/^file:/i.test(filename)) {
      throw internals.newError('TypeError', 'ERR_WORKER_PATH', 'The worker script or module filename must be an absolute path or a relative path starting with \'./\' or \'../\'. Received "' + filename + '"');
    }
    if (/^file:/i.test(filename)) return require('url').fileURLToPath(filename);
    throw internals.newError('TypeError', 'ERR_WORKER_PATH', 'The worker script or module filename must be an absolute path or a relative path starting with \'./\' or \'../\'. Received "' + filename + '"');
  }
  if (filename && typeof filename === 'object' && typeof filename.href === 'string' && filename.protocol !== undefined) {
    if (filename.protocol !== 'file:') throw internals.newError('TypeError', 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Worker only supports file: URLs');
    return require('url').fileURLToPath(filename);
  }
  throw internals.invalidArgType('filename', 'of type string or an instance of URL', filename);
}

class Worker extends EventEmitter {
  constructor(filename, options) {
    super();
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
    let kind, target;
    if (options.eval) {
      if (typeof filename !== 'string') {
        throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', 'The argument \'filename\' must be a string when eval is true. Received ' + internals.inspect(filename));
      }
      kind = 'eval'; target = filename;
    } else {
      kind = 'file'; target = workerPath(filename);
    }
    let argv = [];
    if (options.argv !== undefined) {
      if (!ArrayIsArray(options.argv)) throw internals.invalidArgType('options.argv', 'an instance of Array', options.argv);
      argv = MethodMap(options.argv, String);
    }
    let execArgv = [];
    if (options.execArgv !== undefined) {
      if (!ArrayIsArray(options.execArgv)) throw internals.invalidArgType('options.execArgv', 'an instance of Array', options.execArgv);
      execArgv = MethodMap(options.execArgv, String);
    }
    let env;
    if (options.env === SHARE_ENV) env = true;
    else if (options.env !== undefined && options.env !== null) {
      if (typeof options.env !== 'object') throw internals.invalidArgType('options.env', 'of type object or one of undefined, null, or worker_threads.SHARE_ENV', options.env);
      env = {};
      for (const k of SafeIterable(ObjectKeys(options.env))) env[k] = String(options.env[k]);
    } else if (options.env === null) {
      env = undefined;
    }
    const limits = { maxYoungGenerationSizeMb: -1, maxOldGenerationSizeMb: -1, codeRangeSizeMb: -1, stackSizeMb: 4 };
    if (options.resourceLimits !== undefined) {
      if (options.resourceLimits === null || typeof options.resourceLimits !== 'object') throw internals.invalidArgType('options.resourceLimits', 'of type object', options.resourceLimits);
      for (const k of SafeIterable(limitKeys)) {
        const v = options.resourceLimits[k];
        if (typeof v === 'number' && v > 0) limits[k] = v;
      }
    }
    // a transferList that is no iterable is ignored, as Node does
    const tl = options.transferList;
    const [buffers, ports] = SafeIterable(tl && typeof tl === 'object' && typeof tl[Symbol.iterator] === 'function' ? splitTransfer(null, tl) : [[], []]);
    const self = this;
    const w = { exited: false, exitCode: undefined, terminating: [], limits };
    WeakMapPrototypeSet(kWorker, this, w);
    w.handle = native.spawn(kind, target, argv, execArgv, env, options.workerData, buffers, ports, limits,
      environmentData.size ? environmentData : undefined, {
        online() { self.emit('online'); },
        message(value) { self.emit('message', value); },
        messageerror(err) { self.emit('messageerror', err); },
        error(err) { self.emit('error', err); },
        exit(code) {
          w.exited = true; w.exitCode = code;
          self.emit('exit', code);
          for (const r of SafeIterable(w.terminating)) r(code);
          w.terminating = [];
          self.removeAllListeners('message');
          self.removeAllListeners('messageerror');
        },
      });
    ObjectDefineProperty(this, 'threadId', { value: w.handle.threadId, enumerable: true, configurable: true });
  }
  postMessage(value, transfer) {
    const w = WeakMapPrototypeGet(kWorker, this);
    if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'Not enough arguments to Worker.postMessage');
    const [buffers, ports] = SafeIterable(splitTransfer(null, transfer));
    if (w.exited) return;
    w.handle.post(value, buffers, ports);
  }
  terminate(callback) {
    const w = WeakMapPrototypeGet(kWorker, this);
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => callback(null, code));
    }
    if (w.exited) return PromiseResolve();
    return new Promise((resolve) => { MethodPush(w.terminating, resolve); w.handle.terminate(); });
  }
  ref() { WeakMapPrototypeGet(kWorker, this).handle.ref(); }
  unref() { WeakMapPrototypeGet(kWorker, this).handle.unref(); }
  get resourceLimits() {
    const w = WeakMapPrototypeGet(kWorker, this);
    return w.exited ? {} : ObjectAssign({}, w.limits);
  }
  get stdin() { return null; }
  getHeapSnapshot() {
    return PromiseReject(internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'Heap snapshots are not available in jsvm'));
  }
}

let parentPort = null;
if (!native.isMainThread) {
  parentPort = native.parentPort();
}

function moveMessagePortToContext() {
  throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'moveMessagePortToContext is not available in jsvm');
}

module.exports = {
  isMainThread: native.isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: native.isMainThread ? {} : native.resourceLimits(),
  threadId: native.threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData: native.isMainThread ? null : native.workerData(),
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
