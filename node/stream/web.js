'use strict';
// jsvm's `stream/web`: the WHATWG Streams standard (ReadableStream with
// default and byte controllers, default and BYOB readers, tee, pipeTo,
// pipeThrough, async iteration, ReadableStream.from; WritableStream;
// TransformStream; the queuing strategies), TextEncoderStream,
// TextDecoderStream and CompressionStream/DecompressionStream (on zlib).
// The algorithms follow the standard's names and steps; messages and
// codes are Node's (lib/internal/webstreams).

const kState = Symbol('kState');
const kType = Symbol('kType');

function ERR(Ctor, code, msg) { const e = internals.newError(Ctor, code, msg); return e; }
function invalidState(msg) { return ERR('TypeError', 'ERR_INVALID_STATE', `Invalid state: ${msg}`); }
function invalidThis(type) { return ERR('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`); }
function argValue(Ctor, name, v) {
  const e = internals.invalidArgValue(name, v);
  return Ctor === 'TypeError' ? e : ERR(Ctor, 'ERR_INVALID_ARG_VALUE', e.message);
}
function argType(name, expected, v) { return internals.invalidArgType(name, expected, v); }
function abortError(reason) {
  const e = new DOMException('The operation was aborted', 'AbortError');
  if (reason !== undefined) ObjectDefineProperty(e, 'cause', { value: reason, writable: true, configurable: true });
  return e;
}

function newPromise() {
  let resolve, reject;
  const promise = new Promise((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
}
function setHandled(p) { MethodThen(p, undefined, () => {}); }
const resolved = (v) => PromiseResolve(v);
const rejected = (e) => PromiseReject(e);
function promiseCall(fn, thisArg, ...args) {
  try { return PromiseResolve(FunctionPrototypeApply(fn, thisArg, args)); } catch (e) { return PromiseReject(e); }
}
function queueMicrotask_(fn) { queueMicrotask(fn); }

function isObj(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }

// ---- queuing strategies

function extractHWM(strategy, def) {
  if (strategy === undefined || strategy.highWaterMark === undefined) return def;
  const hwm = Number(strategy.highWaterMark);
  if (NumberIsNaN(hwm) || hwm < 0) {
    throw argValue('RangeError', 'strategy.highWaterMark', strategy.highWaterMark);
  }
  return hwm;
}
function extractSize(strategy) {
  if (strategy === undefined || strategy.size === undefined) return () => 1;
  const size = strategy.size;
  if (typeof size !== 'function') throw argType('strategy.size', 'of type function', size);
  return (chunk) => size(chunk);
}

class ByteLengthQueuingStrategy {
  constructor(init) {
    if (!isObj(init)) throw argType('init', 'of type object', init);
    if (init.highWaterMark === undefined) throw ERR('TypeError', 'ERR_MISSING_OPTION', 'options.highWaterMark is required');
    this[kState] = { highWaterMark: +init.highWaterMark };
  }
  get highWaterMark() { return this[kState].highWaterMark; }
  get size() { return byteLengthSize; }
}
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
class CountQueuingStrategy {
  constructor(init) {
    if (!isObj(init)) throw argType('init', 'of type object', init);
    if (init.highWaterMark === undefined) throw ERR('TypeError', 'ERR_MISSING_OPTION', 'options.highWaterMark is required');
    this[kState] = { highWaterMark: +init.highWaterMark };
  }
  get highWaterMark() { return this[kState].highWaterMark; }
  get size() { return countSize; }
}
const countSize = { size() { return 1; } }.size;
for (const C of SafeIterable([ByteLengthQueuingStrategy, CountQueuingStrategy])) {
  ObjectDefineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
}

// ---- queue-with-sizes

function enqueueValueWithSize(c, value, size) {
  size = Number(size);
  if (NumberIsNaN(size) || size < 0 || size === Infinity) {
    throw argValue('RangeError', 'size', size);
  }
  MethodPush(c.queue, { value, size });
  c.queueTotalSize += size;
}
function dequeueValue(c) {
  const pair = MethodShift(c.queue);
  c.queueTotalSize -= pair.size;
  if (c.queueTotalSize < 0) c.queueTotalSize = 0;
  return pair.value;
}
function resetQueue(c) { c.queue = []; c.queueTotalSize = 0; }

// ---- ReadableStream

class ReadableStream {
  constructor(source = null, strategy = {}) {
    if (source !== null && !isObj(source)) throw argType('source', 'of type object', source);
    if (strategy == null) strategy = {};
    else if (!isObj(strategy)) throw argType('strategy', 'of type object', strategy);
    this[kState] = { state: 'readable', reader: undefined, storedError: undefined, disturbed: false, controller: undefined, transfer: false };
    this[kType] = 'ReadableStream';
    const src = source === null ? {} : source;
    const type = src.type;
    if (type !== undefined && String(type) === 'bytes') {
      if (strategy.size !== undefined) throw argValue('RangeError', 'strategy.size', strategy.size);
      const hwm = extractHWM(strategy, 0);
      setupByteControllerFromSource(this, src, hwm);
    } else if (type !== undefined) {
      throw argValue('TypeError', 'source.type', type);
    } else {
      const size = extractSize(strategy);
      const hwm = extractHWM(strategy, 1);
      setupDefaultControllerFromSource(this, src, hwm, size);
    }
  }
  get locked() { checkRS(this, 'locked'); return this[kState].reader !== undefined; }
  cancel(reason) {
    if (!isRS(this)) return rejected(invalidThis('ReadableStream'));
    if (this[kState].reader !== undefined) return rejected(invalidState('ReadableStream is locked'));
    return readableStreamCancel(this, reason);
  }
  getReader(options = {}) {
    checkRS(this, 'getReader');
    if (options == null) options = {};
    else if (!isObj(options)) throw argType('options', 'of type object', options);
    const mode = options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (String(mode) !== 'byob') throw argValue('TypeError', 'options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }
  pipeThrough(transform, options = {}) {
    checkRS(this, 'pipeThrough');
    if (!isObj(transform) || !isRS(transform.readable)) throw argType('transform.readable', 'an instance of ReadableStream', transform && transform.readable);
    if (!isWS(transform.writable)) throw argType('transform.writable', 'an instance of WritableStream', transform.writable);
    const { preventClose, preventAbort, preventCancel, signal } = pipeOptions(options);
    if (this[kState].reader !== undefined) throw invalidState('The ReadableStream is locked');
    if (transform.writable[kState].writer !== undefined) throw invalidState('The WritableStream is locked');
    const p = readableStreamPipeTo(this, transform.writable, preventClose, preventAbort, preventCancel, signal);
    setHandled(p);
    return transform.readable;
  }
  pipeTo(destination, options = {}) {
    try {
      if (!isRS(this)) throw invalidThis('ReadableStream');
      if (!isWS(destination)) throw argType('transform.writable', 'an instance of WritableStream', destination);
      const { preventClose, preventAbort, preventCancel, signal } = pipeOptions(options);
      if (this[kState].reader !== undefined) throw invalidState('The ReadableStream is locked');
      if (destination[kState].writer !== undefined) throw invalidState('The WritableStream is locked');
      return readableStreamPipeTo(this, destination, preventClose, preventAbort, preventCancel, signal);
    } catch (e) { return rejected(e); }
  }
  tee() {
    checkRS(this, 'tee');
    return readableStreamTee(this, false);
  }
  values(options = {}) {
    checkRS(this, 'values');
    if (options == null) options = {};
    else if (!isObj(options)) throw argType('options', 'of type object', options);
    const preventCancel = !!options.preventCancel;
    const reader = new ReadableStreamDefaultReader(this);
    let current = resolved();
    let finished = false;
    const nextSteps = () => {
      if (finished) return resolved({ value: undefined, done: true });
      if (reader[kState].stream === undefined) return rejected(invalidState('The reader is not bound to a ReadableStream'));
      const d = newPromise();
      readableStreamDefaultReaderRead(reader, {
        chunk(value) { d.resolve({ value, done: false }); },
        close() { finished = true; readableStreamReaderGenericRelease(reader); d.resolve({ value: undefined, done: true }); },
        error(e) { finished = true; readableStreamReaderGenericRelease(reader); d.reject(e); },
      });
      return d.promise;
    };
    const returnSteps = (value) => {
      if (finished) return resolved({ value, done: true });
      finished = true;
      if (reader[kState].stream === undefined) return resolved({ value, done: true });
      if (!preventCancel) {
        const r = readableStreamReaderGenericCancel(reader, value);
        readableStreamReaderGenericRelease(reader);
        return MethodThen(r, () => ({ value, done: true }));
      }
      readableStreamReaderGenericRelease(reader);
      return resolved({ value, done: true });
    };
    const it = ObjectCreate(asyncIteratorPrototype);
    it.next = function next() { current = MethodThen(current, nextSteps, nextSteps); return current; };
    it.return = function (value) { current = MethodThen(current, () => returnSteps(value), () => returnSteps(value)); return current; };
    return it;
  }
  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }
}
// %AsyncIteratorPrototype%'s one method (the engine has no async
// generators to take the intrinsic from)
const asyncIteratorPrototype = {
  [Symbol.asyncIterator]() { return this; },
};
ObjectDefineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});
ObjectDefineProperty(ReadableStream.prototype, Symbol.toStringTag, { value: 'ReadableStream', configurable: true });

function isRS(v) { return isObj(v) && v[kType] === 'ReadableStream'; }
function isWS(v) { return isObj(v) && v[kType] === 'WritableStream'; }
function checkRS(v, name) { if (!isRS(v)) throw invalidThis('ReadableStream'); }

function pipeOptions(options) {
  if (options == null) options = {};
  else if (!isObj(options)) throw argType('options', 'of type object', options);
  const signal = options.signal;
  if (signal !== undefined && !(isObj(signal) && 'aborted' in signal && typeof signal.addEventListener === 'function')) {
    throw argType('options.signal', 'an instance of AbortSignal', signal);
  }
  return { preventClose: !!options.preventClose, preventAbort: !!options.preventAbort, preventCancel: !!options.preventCancel, signal };
}

function readableStreamFromIterable(iterable) {
  if (iterable == null) throw argType('iterable', 'an instance of Iterable or AsyncIterable', iterable);
  let it;
  const am = iterable[Symbol.asyncIterator];
  if (am != null) {
    if (typeof am !== 'function') throw argType('iterable', 'an instance of Iterable or AsyncIterable', iterable);
    it = FunctionPrototypeCall(am, iterable);
  } else {
    const sm = iterable[Symbol.iterator];
    if (typeof sm !== 'function') throw ERR('TypeError', 'ERR_ARG_NOT_ITERABLE', `${internals.inspect(iterable)} must be iterable`);
    const sync = FunctionPrototypeCall(sm, iterable);
    it = {
      next(v) { const r = sync.next(v); return MethodThen(PromiseResolve(r.value), (value) => ({ value, done: r.done })); },
      return(v) { return typeof sync.return === 'function' ? PromiseResolve(sync.return(v)) : PromiseResolve({ done: true, value: v }); },
    };
  }
  if (!isObj(it)) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: The iterator method must return an object');
  const next = it.next;
  return new ReadableStream({
    pull(c) {
      return MethodThen(PromiseResolve(FunctionPrototypeCall(next, it)), (r) => {
        if (!isObj(r)) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: The promise returned by the iterator.next() method must fulfill with an object');
        if (r.done) c.close();
        else c.enqueue(r.value);
      });
    },
    cancel(reason) {
      const ret = it.return;
      if (ret == null) return undefined;
      if (typeof ret !== 'function') throw argType('iterator.return', 'of type function', ret);
      return MethodThen(PromiseResolve(FunctionPrototypeCall(ret, it, reason)), (r) => {
        if (!isObj(r)) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: The promise returned by the iterator.return() method must fulfill with an object');
      });
    },
  }, { highWaterMark: 0 });
}

// -- readers

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isRS(stream)) throw argType('stream', 'an instance of ReadableStream', stream);
    this[kType] = 'ReadableStreamDefaultReader';
    this[kState] = { stream: undefined, readRequests: [], closed: undefined };
    setupReader(this, stream);
  }
  read() {
    if (!isDefaultReader(this)) return rejected(invalidThis('ReadableStreamDefaultReader'));
    if (this[kState].stream === undefined) return rejected(invalidState('The reader is not attached to a stream'));
    const d = newPromise();
    readableStreamDefaultReaderRead(this, {
      chunk(value) { d.resolve({ value, done: false }); },
      close() { d.resolve({ value: undefined, done: true }); },
      error(e) { d.reject(e); },
    });
    return d.promise;
  }
  releaseLock() {
    if (!isDefaultReader(this)) throw invalidThis('ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }
  get closed() {
    if (!isDefaultReader(this)) return rejected(invalidThis('ReadableStreamDefaultReader'));
    return this[kState].closed.promise;
  }
  cancel(reason) {
    if (!isDefaultReader(this)) return rejected(invalidThis('ReadableStreamDefaultReader'));
    if (this[kState].stream === undefined) return rejected(invalidState('The reader is not attached to a stream'));
    return readableStreamReaderGenericCancel(this, reason);
  }
}
ObjectDefineProperty(ReadableStreamDefaultReader.prototype, Symbol.toStringTag, { value: 'ReadableStreamDefaultReader', configurable: true });
function isDefaultReader(v) { return isObj(v) && v[kType] === 'ReadableStreamDefaultReader'; }
function isBYOBReader(v) { return isObj(v) && v[kType] === 'ReadableStreamBYOBReader'; }

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isRS(stream)) throw argType('stream', 'an instance of ReadableStream', stream);
    this[kType] = 'ReadableStreamBYOBReader';
    this[kState] = { stream: undefined, readIntoRequests: [], closed: undefined };
    if (!(stream[kState].controller instanceof ReadableByteStreamController)) {
      throw ERR('TypeError', 'ERR_INVALID_ARG_VALUE', 'The argument \'stream\' must be a byte stream. Received ' + internals.inspect(stream));
    }
    setupReader(this, stream);
  }
  read(view, options = {}) {
    if (!isBYOBReader(this)) return rejected(invalidThis('ReadableStreamBYOBReader'));
    if (!ArrayBufferIsView(view)) return rejected(argType('view', 'an instance of ArrayBufferView', view));
    if (view.byteLength === 0) return rejected(ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: View or Viewed ArrayBuffer is zero-length or detached'));
    if (view.buffer.byteLength === 0) return rejected(ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: View or Viewed ArrayBuffer is zero-length or detached'));
    if (this[kState].stream === undefined) return rejected(invalidState('The reader is not attached to a stream'));
    const min = options && options.min !== undefined ? Number(options.min) : 1;
    const d = newPromise();
    readableByteStreamControllerPullInto(this[kState].stream[kState].controller, view, min, {
      chunk(value) { d.resolve({ value, done: false }); },
      close(value) { d.resolve({ value, done: true }); },
      error(e) { d.reject(e); },
    });
    return d.promise;
  }
  releaseLock() {
    if (!isBYOBReader(this)) throw invalidThis('ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamReaderGenericRelease(this);
    const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Releasing reader');
    const list = this[kState].readIntoRequests;
    this[kState].readIntoRequests = [];
    for (const r of SafeIterable(list)) r.error(e);
  }
  get closed() {
    if (!isBYOBReader(this)) return rejected(invalidThis('ReadableStreamBYOBReader'));
    return this[kState].closed.promise;
  }
  cancel(reason) {
    if (!isBYOBReader(this)) return rejected(invalidThis('ReadableStreamBYOBReader'));
    if (this[kState].stream === undefined) return rejected(invalidState('The reader is not attached to a stream'));
    return readableStreamReaderGenericCancel(this, reason);
  }
}
ObjectDefineProperty(ReadableStreamBYOBReader.prototype, Symbol.toStringTag, { value: 'ReadableStreamBYOBReader', configurable: true });

function setupReader(reader, stream) {
  if (stream[kState].reader !== undefined) throw invalidState('ReadableStream is locked');
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  const st = stream[kState].state;
  reader[kState].closed = newPromise();
  if (st === 'closed') reader[kState].closed.resolve();
  else if (st === 'errored') {
    reader[kState].closed.reject(stream[kState].storedError);
    setHandled(reader[kState].closed.promise);
  }
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}
function readableStreamReaderGenericRelease(reader) {
  const stream = reader[kState].stream;
  const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Releasing reader');
  if (stream[kState].state === 'readable') {
    reader[kState].closed.reject(e);
  } else {
    reader[kState].closed = newPromise();
    reader[kState].closed.reject(e);
  }
  setHandled(reader[kState].closed.promise);
  const c = stream[kState].controller;
  if (c && c.releaseSteps) c.releaseSteps();
  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}
function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Releasing reader');
  const list = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const r of SafeIterable(list)) r.error(e);
}

function readableStreamDefaultReaderRead(reader, req) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  const st = stream[kState].state;
  if (st === 'closed') req.close();
  else if (st === 'errored') req.error(stream[kState].storedError);
  else stream[kState].controller.pullSteps(req);
}

function readableStreamCancel(stream, reason) {
  stream[kState].disturbed = true;
  const st = stream[kState].state;
  if (st === 'closed') return resolved();
  if (st === 'errored') return rejected(stream[kState].storedError);
  readableStreamClose(stream);
  const reader = stream[kState].reader;
  if (reader !== undefined && isBYOBReader(reader)) {
    const list = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const r of SafeIterable(list)) r.close(undefined);
  }
  return MethodThen(stream[kState].controller.cancelSteps(reason), () => undefined);
}

function readableStreamClose(stream) {
  stream[kState].state = 'closed';
  const reader = stream[kState].reader;
  if (reader === undefined) return;
  reader[kState].closed.resolve();
  if (isDefaultReader(reader)) {
    const list = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const r of SafeIterable(list)) r.close();
  }
}

function readableStreamError(stream, e) {
  stream[kState].state = 'errored';
  stream[kState].storedError = e;
  const reader = stream[kState].reader;
  if (reader === undefined) return;
  reader[kState].closed.reject(e);
  setHandled(reader[kState].closed.promise);
  if (isDefaultReader(reader)) {
    const list = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const r of SafeIterable(list)) r.error(e);
  } else {
    const list = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const r of SafeIterable(list)) r.error(e);
  }
}

function readableStreamAddReadRequest(stream, req) { MethodPush(stream[kState].reader[kState].readRequests, req); }
function readableStreamFulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const req = MethodShift(reader[kState].readRequests);
  if (done) req.close(); else req.chunk(chunk);
}
function readableStreamGetNumReadRequests(stream) {
  const r = stream[kState].reader;
  return r && isDefaultReader(r) ? r[kState].readRequests.length : 0;
}
function readableStreamGetNumReadIntoRequests(stream) {
  const r = stream[kState].reader;
  return r && isBYOBReader(r) ? r[kState].readIntoRequests.length : 0;
}
function readableStreamHasDefaultReader(stream) { const r = stream[kState].reader; return r !== undefined && isDefaultReader(r); }
function readableStreamHasBYOBReader(stream) { const r = stream[kState].reader; return r !== undefined && isBYOBReader(r); }

// -- default controller

class ReadableStreamDefaultController {
  constructor() { throw ERR('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get desiredSize() { return rsdcGetDesiredSize(this); }
  close() {
    if (!rsdcCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    rsdcClose(this);
  }
  enqueue(chunk) {
    if (!rsdcCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    rsdcEnqueue(this, chunk);
  }
  error(e) { rsdcError(this, e); }
}
ObjectDefineProperty(ReadableStreamDefaultController.prototype, Symbol.toStringTag, { value: 'ReadableStreamDefaultController', configurable: true });

function makeInternal(C) { return ObjectCreate(C.prototype); }

function setupDefaultControllerFromSource(stream, source, hwm, size) {
  const c = makeInternal(ReadableStreamDefaultController);
  const start = source.start, pull = source.pull, cancel = source.cancel;
  setupDefaultController(stream, c,
    start ? () => FunctionPrototypeCall(start, source, c) : () => undefined,
    pull ? () => promiseCall(pull, source, c) : () => resolved(),
    cancel ? (r) => promiseCall(cancel, source, r) : () => resolved(),
    hwm, size);
}

function setupDefaultController(stream, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, size) {
  c[kState] = {
    stream, queue: [], queueTotalSize: 0, started: false, closeRequested: false, pullAgain: false, pulling: false,
    strategySize: size, strategyHWM: hwm, pullAlgorithm, cancelAlgorithm,
  };
  c.pullSteps = (req) => rsdcPullSteps(c, req);
  c.cancelSteps = (reason) => {
    resetQueue(c[kState]);
    const r = c[kState].cancelAlgorithm(reason);
    rsdcClearAlgorithms(c);
    return r;
  };
  c.releaseSteps = () => {};
  ObjectDefineProperty(c, 'pullSteps', { enumerable: false });
  ObjectDefineProperty(c, 'cancelSteps', { enumerable: false });
  ObjectDefineProperty(c, 'releaseSteps', { enumerable: false });
  stream[kState].controller = c;
  const startResult = startAlgorithm();
  MethodThen(PromiseResolve(startResult), () => {
    c[kState].started = true;
    rsdcCallPullIfNeeded(c);
  }, (e) => rsdcError(c, e));
}

function rsdcPullSteps(c, req) {
  const s = c[kState];
  const stream = s.stream;
  if (s.queue.length > 0) {
    const chunk = dequeueValue(s);
    if (s.closeRequested && s.queue.length === 0) {
      rsdcClearAlgorithms(c);
      readableStreamClose(stream);
    } else {
      rsdcCallPullIfNeeded(c);
    }
    req.chunk(chunk);
  } else {
    readableStreamAddReadRequest(stream, req);
    rsdcCallPullIfNeeded(c);
  }
}

function rsdcCallPullIfNeeded(c) {
  if (!rsdcShouldCallPull(c)) return;
  const s = c[kState];
  if (s.pulling) { s.pullAgain = true; return; }
  s.pulling = true;
  MethodThen(s.pullAlgorithm(c), () => {
    s.pulling = false;
    if (s.pullAgain) { s.pullAgain = false; rsdcCallPullIfNeeded(c); }
  }, (e) => rsdcError(c, e));
}
function rsdcShouldCallPull(c) {
  const s = c[kState];
  if (!rsdcCanCloseOrEnqueue(c)) return false;
  if (!s.started) return false;
  const stream = s.stream;
  if (stream[kState].reader !== undefined && readableStreamGetNumReadRequests(stream) > 0) return true;
  return rsdcGetDesiredSize(c) > 0;
}
function rsdcClearAlgorithms(c) {
  c[kState].pullAlgorithm = () => resolved();
  c[kState].cancelAlgorithm = () => resolved();
  c[kState].strategySize = undefined;
}
function rsdcClose(c) {
  const s = c[kState];
  if (!rsdcCanCloseOrEnqueue(c)) return;
  s.closeRequested = true;
  if (s.queue.length === 0) {
    rsdcClearAlgorithms(c);
    readableStreamClose(s.stream);
  }
}
function rsdcEnqueue(c, chunk) {
  const s = c[kState];
  if (!rsdcCanCloseOrEnqueue(c)) return;
  const stream = s.stream;
  if (stream[kState].reader !== undefined && readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try { size = s.strategySize(chunk); } catch (e) { rsdcError(c, e); throw e; }
    try { enqueueValueWithSize(s, chunk, size); } catch (e) { rsdcError(c, e); throw e; }
  }
  rsdcCallPullIfNeeded(c);
}
function rsdcError(c, e) {
  const s = c[kState];
  if (s.stream[kState].state !== 'readable') return;
  resetQueue(s);
  rsdcClearAlgorithms(c);
  readableStreamError(s.stream, e);
}
function rsdcGetDesiredSize(c) {
  const s = c[kState];
  const st = s.stream[kState].state;
  if (st === 'errored') return null;
  if (st === 'closed') return 0;
  return s.strategyHWM - s.queueTotalSize;
}
function rsdcCanCloseOrEnqueue(c) {
  const s = c[kState];
  return !s.closeRequested && s.stream[kState].state === 'readable';
}

// -- byte controller

class ReadableStreamBYOBRequest {
  constructor() { throw ERR('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get view() { return this[kState].view; }
  respond(bytesWritten) {
    const s = this[kState];
    if (s.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (s.view.buffer.byteLength === 0) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: View or Viewed ArrayBuffer is zero-length or detached');
    rbscRespond(s.controller, Number(bytesWritten));
  }
  respondWithNewView(view) {
    const s = this[kState];
    if (!ArrayBufferIsView(view)) throw argType('view', 'an instance of ArrayBufferView', view);
    if (s.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    rbscRespondWithNewView(s.controller, view);
  }
}
ObjectDefineProperty(ReadableStreamBYOBRequest.prototype, Symbol.toStringTag, { value: 'ReadableStreamBYOBRequest', configurable: true });

class ReadableByteStreamController {
  constructor() { throw ERR('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get byobRequest() {
    const s = this[kState];
    if (s.byobRequest === null && s.pendingPullIntos.length > 0) {
      const d = s.pendingPullIntos[0];
      const view = new Uint8Array(d.buffer, d.byteOffset + d.bytesFilled, d.byteLength - d.bytesFilled);
      const req = makeInternal(ReadableStreamBYOBRequest);
      req[kState] = { controller: this, view };
      s.byobRequest = req;
    }
    return s.byobRequest;
  }
  get desiredSize() { return rbscGetDesiredSize(this); }
  close() {
    const s = this[kState];
    if (s.closeRequested) throw invalidState('Controller is already closed');
    if (s.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    rbscClose(this);
  }
  enqueue(chunk) {
    const s = this[kState];
    if (!ArrayBufferIsView(chunk)) throw argType('chunk', 'an instance of ArrayBufferView', chunk);
    if (chunk.byteLength === 0) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: chunk ArrayBuffer is zero-length or detached');
    if (s.closeRequested) throw invalidState('Controller is already closed');
    if (s.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    rbscEnqueue(this, chunk);
  }
  error(e) { rbscError(this, e); }
}
ObjectDefineProperty(ReadableByteStreamController.prototype, Symbol.toStringTag, { value: 'ReadableByteStreamController', configurable: true });

function setupByteControllerFromSource(stream, source, hwm) {
  const c = makeInternal(ReadableByteStreamController);
  const start = source.start, pull = source.pull, cancel = source.cancel;
  let autoAllocate = source.autoAllocateChunkSize;
  if (autoAllocate !== undefined) {
    autoAllocate = Number(autoAllocate);
    if (!NumberIsInteger(autoAllocate) || autoAllocate <= 0) {
      throw argValue('RangeError', 'source.autoAllocateChunkSize', autoAllocate);
    }
  }
  setupByteController(stream, c,
    start ? () => FunctionPrototypeCall(start, source, c) : () => undefined,
    pull ? () => promiseCall(pull, source, c) : () => resolved(),
    cancel ? (r) => promiseCall(cancel, source, r) : () => resolved(),
    hwm, autoAllocate);
}

function setupByteController(stream, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, autoAllocate) {
  c[kState] = {
    stream, queue: [], queueTotalSize: 0, started: false, closeRequested: false, pullAgain: false, pulling: false,
    byobRequest: null, strategyHWM: hwm, pullAlgorithm, cancelAlgorithm, autoAllocateChunkSize: autoAllocate,
    pendingPullIntos: [],
  };
  for (const [k, fn] of SafeIterable([
    ['pullSteps', (req) => rbscPullSteps(c, req)],
    ['cancelSteps', (reason) => {
      rbscClearPendingPullIntos(c);
      resetQueue(c[kState]);
      const r = c[kState].cancelAlgorithm(reason);
      rbscClearAlgorithms(c);
      return r;
    }],
    ['releaseSteps', () => {
      const s = c[kState];
      if (s.pendingPullIntos.length > 0) {
        const first = s.pendingPullIntos[0];
        first.readerType = 'none';
        s.pendingPullIntos = [first];
      }
    }],
  ])) ObjectDefineProperty(c, k, { value: fn, enumerable: false, writable: true, configurable: true });
  stream[kState].controller = c;
  const startResult = startAlgorithm();
  MethodThen(PromiseResolve(startResult), () => {
    c[kState].started = true;
    rbscCallPullIfNeeded(c);
  }, (e) => rbscError(c, e));
}

function rbscGetDesiredSize(c) {
  const s = c[kState];
  const st = s.stream[kState].state;
  if (st === 'errored') return null;
  if (st === 'closed') return 0;
  return s.strategyHWM - s.queueTotalSize;
}
function rbscClearAlgorithms(c) {
  c[kState].pullAlgorithm = () => resolved();
  c[kState].cancelAlgorithm = () => resolved();
}
function rbscInvalidateBYOBRequest(c) {
  const s = c[kState];
  if (s.byobRequest === null) return;
  s.byobRequest[kState].controller = undefined;
  s.byobRequest[kState].view = null;
  s.byobRequest = null;
}
function rbscClearPendingPullIntos(c) {
  rbscInvalidateBYOBRequest(c);
  c[kState].pendingPullIntos = [];
}
function rbscError(c, e) {
  const s = c[kState];
  if (s.stream[kState].state !== 'readable') return;
  rbscClearPendingPullIntos(c);
  resetQueue(s);
  rbscClearAlgorithms(c);
  readableStreamError(s.stream, e);
}
function rbscShouldCallPull(c) {
  const s = c[kState];
  const stream = s.stream;
  if (stream[kState].state !== 'readable' || s.closeRequested || !s.started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) return true;
  return rbscGetDesiredSize(c) > 0;
}
function rbscCallPullIfNeeded(c) {
  if (!rbscShouldCallPull(c)) return;
  const s = c[kState];
  if (s.pulling) { s.pullAgain = true; return; }
  s.pulling = true;
  MethodThen(s.pullAlgorithm(c), () => {
    s.pulling = false;
    if (s.pullAgain) { s.pullAgain = false; rbscCallPullIfNeeded(c); }
  }, (e) => rbscError(c, e));
}
function copyBytes(dst, dstOff, src, srcOff, n) {
  MethodSet(new Uint8Array(dst, dstOff, n), new Uint8Array(src, srcOff, n));
}
function rbscEnqueue(c, chunk) {
  const s = c[kState];
  const stream = s.stream;
  const buffer = MethodSlice(chunk.buffer, chunk.byteOffset, chunk.byteOffset + chunk.byteLength);
  const byteOffset = 0;
  const byteLength = chunk.byteLength;
  if (s.pendingPullIntos.length > 0) {
    rbscInvalidateBYOBRequest(c);
    const first = s.pendingPullIntos[0];
    if (first.readerType === 'none') {
      rbscEnqueueDetachedPullIntoToQueue(c, first);
      MethodShift(s.pendingPullIntos);
    }
  }
  if (readableStreamHasDefaultReader(stream)) {
    rbscProcessReadRequestsUsingQueue(c);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      rbscEnqueueChunkToQueue(c, buffer, byteOffset, byteLength);
    } else {
      if (s.queue.length > 0) throw new Error('queue not empty');
      readableStreamFulfillReadRequest(stream, new Uint8Array(buffer, byteOffset, byteLength), false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    rbscEnqueueChunkToQueue(c, buffer, byteOffset, byteLength);
    rbscProcessPullIntoDescriptorsUsingQueue(c);
  } else {
    rbscEnqueueChunkToQueue(c, buffer, byteOffset, byteLength);
  }
  rbscCallPullIfNeeded(c);
}
function rbscEnqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
  MethodPush(c[kState].queue, { buffer, byteOffset, byteLength });
  c[kState].queueTotalSize += byteLength;
}
function rbscEnqueueDetachedPullIntoToQueue(c, d) {
  if (d.bytesFilled > 0) {
    rbscEnqueueChunkToQueue(c, MethodSlice(d.buffer, d.byteOffset, d.byteOffset + d.bytesFilled), 0, d.bytesFilled);
  }
}
function rbscProcessReadRequestsUsingQueue(c) {
  const s = c[kState];
  const reader = s.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (s.queueTotalSize === 0) return;
    const req = MethodShift(reader[kState].readRequests);
    rbscFillReadRequestFromQueue(c, req);
  }
}
function rbscFillReadRequestFromQueue(c, req) {
  const s = c[kState];
  const entry = MethodShift(s.queue);
  s.queueTotalSize -= entry.byteLength;
  rbscHandleQueueDrain(c);
  req.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}
function rbscHandleQueueDrain(c) {
  const s = c[kState];
  if (s.queueTotalSize === 0 && s.closeRequested) {
    rbscClearAlgorithms(c);
    readableStreamClose(s.stream);
  } else {
    rbscCallPullIfNeeded(c);
  }
}
function rbscPullSteps(c, req) {
  const s = c[kState];
  const stream = s.stream;
  if (s.queueTotalSize > 0) {
    rbscFillReadRequestFromQueue(c, req);
    return;
  }
  if (s.autoAllocateChunkSize !== undefined) {
    let buffer;
    try { buffer = new ArrayBuffer(s.autoAllocateChunkSize); } catch (e) { req.error(e); return; }
    MethodPush(s.pendingPullIntos, {
      buffer, bufferByteLength: s.autoAllocateChunkSize, byteOffset: 0, byteLength: s.autoAllocateChunkSize,
      bytesFilled: 0, minimumFill: 1, elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
    });
  }
  readableStreamAddReadRequest(stream, req);
  rbscCallPullIfNeeded(c);
}
function readableByteStreamControllerPullInto(c, view, min, req) {
  const s = c[kState];
  const stream = s.stream;
  stream[kState].disturbed = true;
  let elementSize = 1;
  let ctor = DataView;
  if (!(view instanceof DataView)) { elementSize = view.BYTES_PER_ELEMENT || 1; ctor = view.constructor; }
  const minimumFill = min * elementSize;
  const buffer = MethodSlice(view.buffer, 0); // the spec transfers; a copy keeps the caller's view valid
  const d = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset: view.byteOffset, byteLength: view.byteLength,
    bytesFilled: 0, minimumFill, elementSize, viewConstructor: ctor, readerType: 'byob',
  };
  if (stream[kState].state === 'errored') { req.error(stream[kState].storedError); return; }
  if (s.pendingPullIntos.length > 0) {
    MethodPush(s.pendingPullIntos, d);
    MethodPush(stream[kState].reader[kState].readIntoRequests, req);
    return;
  }
  if (stream[kState].state === 'closed') {
    req.close(new ctor(d.buffer, d.byteOffset, 0));
    return;
  }
  if (s.queueTotalSize > 0) {
    if (rbscFillPullIntoDescriptorFromQueue(c, d)) {
      const filled = rbscConvertPullIntoDescriptor(d);
      rbscHandleQueueDrain(c);
      req.chunk(filled);
      return;
    }
    if (s.closeRequested) {
      const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Insufficient bytes to fill elements in the given buffer');
      rbscError(c, e);
      req.error(e);
      return;
    }
  }
  MethodPush(s.pendingPullIntos, d);
  MethodPush(stream[kState].reader[kState].readIntoRequests, req);
  rbscCallPullIfNeeded(c);
}
function rbscConvertPullIntoDescriptor(d) {
  return new d.viewConstructor(d.buffer, d.byteOffset, d.bytesFilled / d.elementSize);
}
function rbscFillPullIntoDescriptorFromQueue(c, d) {
  const s = c[kState];
  const maxBytesToCopy = MathMin(s.queueTotalSize, d.byteLength - d.bytesFilled);
  const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % d.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= d.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - d.bytesFilled;
    ready = true;
  }
  while (totalBytesToCopyRemaining > 0) {
    const head = s.queue[0];
    const bytesToCopy = MathMin(totalBytesToCopyRemaining, head.byteLength);
    const destStart = d.byteOffset + d.bytesFilled;
    copyBytes(d.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
    if (head.byteLength === bytesToCopy) MethodShift(s.queue);
    else { head.byteOffset += bytesToCopy; head.byteLength -= bytesToCopy; }
    s.queueTotalSize -= bytesToCopy;
    d.bytesFilled += bytesToCopy;
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}
function rbscProcessPullIntoDescriptorsUsingQueue(c) {
  const s = c[kState];
  while (s.pendingPullIntos.length > 0) {
    if (s.queueTotalSize === 0) return;
    const d = s.pendingPullIntos[0];
    if (rbscFillPullIntoDescriptorFromQueue(c, d)) {
      MethodShift(s.pendingPullIntos);
      rbscCommitPullIntoDescriptor(s.stream, d);
    }
  }
}
function rbscCommitPullIntoDescriptor(stream, d) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filled = rbscConvertPullIntoDescriptor(d);
  if (d.readerType === 'default') {
    readableStreamFulfillReadRequest(stream, filled, done);
  } else {
    const reader = stream[kState].reader;
    const req = MethodShift(reader[kState].readIntoRequests);
    if (done) req.close(filled); else req.chunk(filled);
  }
}
function rbscClose(c) {
  const s = c[kState];
  if (s.closeRequested || s.stream[kState].state !== 'readable') return;
  if (s.queueTotalSize > 0) { s.closeRequested = true; return; }
  if (s.pendingPullIntos.length > 0) {
    const first = s.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Partial read');
      rbscError(c, e);
      throw e;
    }
  }
  rbscClearAlgorithms(c);
  readableStreamClose(s.stream);
}
function rbscRespond(c, bytesWritten) {
  const s = c[kState];
  const first = s.pendingPullIntos[0];
  const st = s.stream[kState].state;
  if (st === 'closed') {
    if (bytesWritten !== 0) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Controller is closed');
  } else {
    if (bytesWritten === 0) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: bytesWritten cannot be zero');
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw argValue('RangeError', 'bytesWritten', bytesWritten);
    }
  }
  rbscRespondInternal(c, bytesWritten);
}
function rbscRespondInternal(c, bytesWritten) {
  const s = c[kState];
  const first = s.pendingPullIntos[0];
  // the view handed out was over the descriptor's buffer: its bytes are there
  rbscInvalidateBYOBRequest(c);
  if (s.stream[kState].state === 'closed') {
    if (first.readerType === 'none') MethodShift(s.pendingPullIntos);
    if (readableStreamHasBYOBReader(s.stream)) {
      while (readableStreamGetNumReadIntoRequests(s.stream) > 0) {
        rbscCommitPullIntoDescriptor(s.stream, MethodShift(s.pendingPullIntos));
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.readerType === 'none') {
      rbscEnqueueDetachedPullIntoToQueue(c, first);
      MethodShift(s.pendingPullIntos);
      rbscProcessPullIntoDescriptorsUsingQueue(c);
    } else if (first.bytesFilled >= first.minimumFill) {
      MethodShift(s.pendingPullIntos);
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        rbscEnqueueChunkToQueue(c, MethodSlice(first.buffer, end - remainder, end), 0, remainder);
      }
      first.bytesFilled -= remainder;
      rbscCommitPullIntoDescriptor(s.stream, first);
      rbscProcessPullIntoDescriptorsUsingQueue(c);
    }
  }
  rbscCallPullIfNeeded(c);
}
function rbscRespondWithNewView(c, view) {
  const s = c[kState];
  const first = s.pendingPullIntos[0];
  const st = s.stream[kState].state;
  if (st === 'closed' && view.byteLength !== 0) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: View is not zero-length');
  if (st !== 'closed' && view.byteLength === 0) throw ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: View is zero-length');
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) throw argValue('RangeError', 'view.byteOffset', view.byteOffset);
  if (first.bufferByteLength !== view.buffer.byteLength) throw argValue('RangeError', 'view.buffer.byteLength', view.buffer.byteLength);
  if (first.bytesFilled + view.byteLength > first.byteLength) throw argValue('RangeError', 'view.byteLength', view.byteLength);
  copyBytes(first.buffer, view.byteOffset, view.buffer, view.byteOffset, view.byteLength);
  rbscRespondInternal(c, view.byteLength);
}

// -- tee

function readableStreamTee(stream, cloneForBranch2) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false, readAgain = false, canceled1 = false, canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelPromise = newPromise();
  function pullAlgorithm() {
    if (reading) { readAgain = true; return resolved(); }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      chunk(chunk) {
        queueMicrotask_(() => {
          readAgain = false;
          const c1 = chunk, c2 = chunk;
          if (!canceled1) rsdcEnqueue(branch1[kState].controller, c1);
          if (!canceled2) rsdcEnqueue(branch2[kState].controller, c2);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        if (!canceled1) rsdcClose(branch1[kState].controller);
        if (!canceled2) rsdcClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() { reading = false; },
    });
    return resolved();
  }
  function cancel1(reason) {
    canceled1 = true; reason1 = reason;
    if (canceled2) {
      const r = readableStreamCancel(stream, [reason1, reason2]);
      cancelPromise.resolve(r);
    }
    return cancelPromise.promise;
  }
  function cancel2(reason) {
    canceled2 = true; reason2 = reason;
    if (canceled1) {
      const r = readableStreamCancel(stream, [reason1, reason2]);
      cancelPromise.resolve(r);
    }
    return cancelPromise.promise;
  }
  branch1 = createReadableStream(() => undefined, pullAlgorithm, cancel1);
  branch2 = createReadableStream(() => undefined, pullAlgorithm, cancel2);
  MethodThen(reader[kState].closed.promise, undefined, (r) => {
    rsdcError(branch1[kState].controller, r);
    rsdcError(branch2[kState].controller, r);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

function createReadableStream(start, pull, cancel, hwm = 1, size = () => 1) {
  const stream = ObjectCreate(ReadableStream.prototype);
  stream[kState] = { state: 'readable', reader: undefined, storedError: undefined, disturbed: false, controller: undefined };
  stream[kType] = 'ReadableStream';
  const c = makeInternal(ReadableStreamDefaultController);
  setupDefaultController(stream, c, start, pull, cancel, hwm, size);
  return stream;
}

// -- pipeTo

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const reader = new ReadableStreamDefaultReader(source);
  const writer = new WritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = resolved();
  const d = newPromise();
  let abortAlgorithm;
  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason !== undefined ? signal.reason : abortError();
      const actions = [];
      if (!preventAbort) MethodPush(actions, () => (dest[kState].state === 'writable' ? writableStreamAbort(dest, error) : resolved()));
      if (!preventCancel) MethodPush(actions, () => (source[kState].state === 'readable' ? readableStreamCancel(source, error) : resolved()));
      shutdownWithAction(() => PromiseAll(MethodMap(actions, (a) => a())), true, error);
    };
    if (signal.aborted) { abortAlgorithm(); return d.promise; }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }
  function pipeStep() {
    if (shuttingDown) return resolved(true);
    return MethodThen(writer[kState].ready.promise, () => new Promise((resolve, reject) => {
      readableStreamDefaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = writableStreamDefaultWriterWrite(writer, chunk);
          setHandled(currentWrite);
          resolve(false);
        },
        close() { resolve(true); },
        error: reject,
      });
    }));
  }
  function pipeLoop() {
    MethodThen(pipeStep(), (done) => { if (!done) pipeLoop(); }, () => {});
  }
  // errors
  const onSourceErrored = () => {
    const e = source[kState].storedError;
    if (!preventAbort) shutdownWithAction(() => writableStreamAbort(dest, e), true, e);
    else shutdown(true, e);
  };
  const onDestErrored = () => {
    const e = dest[kState].storedError;
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, e), true, e);
    else shutdown(true, e);
  };
  const onSourceClosed = () => {
    if (!preventClose) shutdownWithAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    else shutdown();
  };
  if (source[kState].state === 'errored') onSourceErrored();
  else MethodThen(reader[kState].closed.promise, () => { if (source[kState].state === 'closed') onSourceClosed(); }, () => onSourceErrored());
  if (dest[kState].state === 'errored' || dest[kState].state === 'erroring') onDestErrored();
  else MethodThen(writer[kState].closed.promise, () => {}, () => onDestErrored());
  if (source[kState].state === 'closed') onSourceClosed();
  if (writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: the destination writable stream closed before all the data could be piped to it');
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, e), true, e);
    else shutdown(true, e);
  }
  function waitForWrites() {
    const old = currentWrite;
    return MethodThen(old, () => (old !== currentWrite ? waitForWrites() : undefined), () => undefined);
  }
  function shutdownWithAction(action, hasError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const go = () => {
      let p;
      try { p = PromiseResolve(action()); } catch (e) { p = PromiseReject(e); }
      MethodThen(p, () => finalize(hasError, error), (e) => finalize(true, e));
    };
    if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) MethodThen(waitForWrites(), go);
    else go();
  }
  function shutdown(hasError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) MethodThen(waitForWrites(), () => finalize(hasError, error));
    else finalize(hasError, error);
  }
  function finalize(hasError, error) {
    writableStreamDefaultWriterRelease(writer);
    readableStreamDefaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (hasError) d.reject(error); else d.resolve(undefined);
  }
  if (!shuttingDown) pipeLoop();
  return d.promise;
}

// ---- WritableStream

class WritableStream {
  constructor(sink = null, strategy = {}) {
    if (sink !== null && !isObj(sink)) throw argType('sink', 'of type object', sink);
    if (strategy == null) strategy = {};
    else if (!isObj(strategy)) throw argType('strategy', 'of type object', strategy);
    const s = sink === null ? {} : sink;
    if (s.type !== undefined) throw argValue('RangeError', 'sink.type', s.type);
    this[kType] = 'WritableStream';
    initWritable(this);
    const size = extractSize(strategy);
    const hwm = extractHWM(strategy, 1);
    const c = makeInternal(WritableStreamDefaultController);
    const start = s.start, write = s.write, close = s.close, abort = s.abort;
    setupWritableController(this, c,
      start ? () => FunctionPrototypeCall(start, s, c) : () => undefined,
      write ? (chunk) => promiseCall(write, s, chunk, c) : () => resolved(),
      close ? () => promiseCall(close, s) : () => resolved(),
      abort ? (r) => promiseCall(abort, s, r) : () => resolved(),
      hwm, size);
  }
  get locked() { checkWS(this); return this[kState].writer !== undefined; }
  abort(reason) {
    if (!isWS(this)) return rejected(invalidThis('WritableStream'));
    if (this[kState].writer !== undefined) return rejected(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }
  close() {
    if (!isWS(this)) return rejected(invalidThis('WritableStream'));
    if (this[kState].writer !== undefined) return rejected(invalidState('WritableStream is locked'));
    if (writableStreamCloseQueuedOrInFlight(this)) return rejected(invalidState('Failure closing WritableStream'));
    return writableStreamClose(this);
  }
  getWriter() { checkWS(this); return new WritableStreamDefaultWriter(this); }
}
ObjectDefineProperty(WritableStream.prototype, Symbol.toStringTag, { value: 'WritableStream', configurable: true });
function checkWS(v) { if (!isWS(v)) throw invalidThis('WritableStream'); }

function initWritable(stream) {
  stream[kState] = {
    state: 'writable', storedError: undefined, writer: undefined, controller: undefined,
    inFlightWriteRequest: undefined, closeRequest: undefined, inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined, writeRequests: [], backpressure: false,
  };
}

function createWritableStream(start, write, close, abort, hwm = 1, size = () => 1) {
  const stream = ObjectCreate(WritableStream.prototype);
  stream[kType] = 'WritableStream';
  initWritable(stream);
  setupWritableController(stream, makeInternal(WritableStreamDefaultController), start, write, close, abort, hwm, size);
  return stream;
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return resolved();
  s.controller[kState].abortController.abort(reason);
  const st = s.state;
  if (st === 'closed' || st === 'errored') return resolved();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (st === 'erroring') { wasAlreadyErroring = true; reason = undefined; }
  const p = newPromise();
  s.pendingAbortRequest = { promise: p, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return p.promise;
}
function writableStreamClose(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return rejected(invalidState('WritableStream is closed'));
  const p = newPromise();
  s.closeRequest = p;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && s.state === 'writable') writer[kState].ready.resolve();
  wsdcClose(s.controller);
  return p.promise;
}
function writableStreamAddWriteRequest(stream) {
  const p = newPromise();
  MethodPush(stream[kState].writeRequests, p);
  return p.promise;
}
function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') { writableStreamStartErroring(stream, error); return; }
  writableStreamFinishErroring(stream);
}
function writableStreamStartErroring(stream, reason) {
  const s = stream[kState];
  const c = s.controller;
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && c[kState].started) writableStreamFinishErroring(stream);
}
function writableStreamFinishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  s.controller[kState].queue = [];
  s.controller[kState].queueTotalSize = 0;
  const storedError = s.storedError;
  for (const r of SafeIterable(s.writeRequests)) r.reject(storedError);
  s.writeRequests = [];
  if (s.pendingAbortRequest === undefined) { writableStreamRejectCloseAndClosedPromiseIfNeeded(stream); return; }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const p = s.controller[kState].abortAlgorithm(abortRequest.reason);
  wsdcClearAlgorithms(s.controller);
  MethodThen(p, () => {
    abortRequest.promise.resolve();
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (r) => {
    abortRequest.promise.reject(r);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}
function writableStreamFinishInFlightWrite(stream) {
  const s = stream[kState];
  s.inFlightWriteRequest.resolve(undefined);
  s.inFlightWriteRequest = undefined;
}
function writableStreamFinishInFlightWriteWithError(stream, error) {
  const s = stream[kState];
  s.inFlightWriteRequest.reject(error);
  s.inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}
function writableStreamFinishInFlightClose(stream) {
  const s = stream[kState];
  s.inFlightCloseRequest.resolve(undefined);
  s.inFlightCloseRequest = undefined;
  if (s.state === 'erroring') {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      s.pendingAbortRequest.promise.resolve(undefined);
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = 'closed';
  const writer = s.writer;
  if (writer !== undefined) writer[kState].closed.resolve(undefined);
}
function writableStreamFinishInFlightCloseWithError(stream, error) {
  const s = stream[kState];
  s.inFlightCloseRequest.reject(error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    s.pendingAbortRequest.promise.reject(error);
    s.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}
function writableStreamCloseQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}
function writableStreamHasOperationMarkedInFlight(stream) {
  const s = stream[kState];
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}
function writableStreamMarkCloseRequestInFlight(stream) {
  const s = stream[kState];
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
}
function writableStreamMarkFirstWriteRequestInFlight(stream) {
  const s = stream[kState];
  s.inFlightWriteRequest = MethodShift(s.writeRequests);
}
function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    writer[kState].closed.reject(s.storedError);
    setHandled(writer[kState].closed.promise);
  }
}
function writableStreamUpdateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) writer[kState].ready = newPromise();
    else writer[kState].ready.resolve();
  }
  s.backpressure = backpressure;
}

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWS(stream)) throw argType('stream', 'an instance of WritableStream', stream);
    if (stream[kState].writer !== undefined) throw invalidState('WritableStream is locked');
    this[kType] = 'WritableStreamDefaultWriter';
    this[kState] = { stream, ready: newPromise(), closed: newPromise() };
    stream[kState].writer = this;
    const st = stream[kState].state;
    if (st === 'writable') {
      if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].backpressure) { /* pending */ } else this[kState].ready.resolve();
    } else if (st === 'erroring') {
      this[kState].ready.reject(stream[kState].storedError);
      setHandled(this[kState].ready.promise);
    } else if (st === 'closed') {
      this[kState].ready.resolve();
      this[kState].closed.resolve();
    } else {
      this[kState].ready.reject(stream[kState].storedError);
      setHandled(this[kState].ready.promise);
      this[kState].closed.reject(stream[kState].storedError);
      setHandled(this[kState].closed.promise);
    }
  }
  get closed() {
    if (!isWriter(this)) return rejected(invalidThis('WritableStreamDefaultWriter'));
    return this[kState].closed.promise;
  }
  get desiredSize() {
    if (!isWriter(this)) throw invalidThis('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) throw invalidState('Writer is not bound to a WritableStream');
    return writableStreamDefaultWriterGetDesiredSize(this);
  }
  get ready() {
    if (!isWriter(this)) return rejected(invalidThis('WritableStreamDefaultWriter'));
    return this[kState].ready.promise;
  }
  abort(reason) {
    if (!isWriter(this)) return rejected(invalidThis('WritableStreamDefaultWriter'));
    if (this[kState].stream === undefined) return rejected(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamAbort(this[kState].stream, reason);
  }
  close() {
    if (!isWriter(this)) return rejected(invalidThis('WritableStreamDefaultWriter'));
    const stream = this[kState].stream;
    if (stream === undefined) return rejected(invalidState('Writer is not bound to a WritableStream'));
    if (writableStreamCloseQueuedOrInFlight(stream)) return rejected(invalidState('Failure to close WritableStream'));
    return writableStreamClose(stream);
  }
  releaseLock() {
    if (!isWriter(this)) throw invalidThis('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }
  write(chunk) {
    if (!isWriter(this)) return rejected(invalidThis('WritableStreamDefaultWriter'));
    if (this[kState].stream === undefined) return rejected(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamDefaultWriterWrite(this, chunk);
  }
}
ObjectDefineProperty(WritableStreamDefaultWriter.prototype, Symbol.toStringTag, { value: 'WritableStreamDefaultWriter', configurable: true });
function isWriter(v) { return isObj(v) && v[kType] === 'WritableStreamDefaultWriter'; }

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const st = stream[kState].state;
  if (writableStreamCloseQueuedOrInFlight(stream) || st === 'closed') return resolved();
  if (st === 'errored') return rejected(stream[kState].storedError);
  return writableStreamClose(stream);
}
function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
  if (writer[kState].closedSettled) writer[kState].closed = newPromise();
  writer[kState].closed.reject(error);
  writer[kState].closedSettled = true;
  setHandled(writer[kState].closed.promise);
}
function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
  writer[kState].ready = newPromise();
  writer[kState].ready.reject(error);
  setHandled(writer[kState].ready.promise);
}
function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const st = stream[kState].state;
  if (st === 'errored' || st === 'erroring') return null;
  if (st === 'closed') return 0;
  return wsdcGetDesiredSize(stream[kState].controller);
}
function writableStreamDefaultWriterRelease(writer) {
  const stream = writer[kState].stream;
  const e = ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, e);
  writer[kState].closed = newPromise();
  writer[kState].closed.reject(e);
  setHandled(writer[kState].closed.promise);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}
function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const c = stream[kState].controller;
  const chunkSize = wsdcGetChunkSize(c, chunk);
  if (stream !== writer[kState].stream) return rejected(invalidState('Writer is not bound to a WritableStream'));
  const st = stream[kState].state;
  if (st === 'errored') return rejected(stream[kState].storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || st === 'closed') {
    return rejected(ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: WritableStream is closed'));
  }
  if (st === 'erroring') return rejected(stream[kState].storedError);
  const p = writableStreamAddWriteRequest(stream);
  wsdcWrite(c, chunk, chunkSize);
  return p;
}

class WritableStreamDefaultController {
  constructor() { throw ERR('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get signal() { return this[kState].abortController.signal; }
  error(e) {
    if (this[kState].stream[kState].state !== 'writable') return;
    wsdcError(this, e);
  }
}
ObjectDefineProperty(WritableStreamDefaultController.prototype, Symbol.toStringTag, { value: 'WritableStreamDefaultController', configurable: true });

const kCloseSentinel = Symbol('close');
function setupWritableController(stream, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, size) {
  c[kState] = {
    stream, queue: [], queueTotalSize: 0, abortController: new AbortController(), started: false,
    strategySize: size, strategyHWM: hwm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
  };
  stream[kState].controller = c;
  writableStreamUpdateBackpressure(stream, wsdcGetBackpressure(c));
  const startResult = startAlgorithm();
  MethodThen(PromiseResolve(startResult), () => {
    c[kState].started = true;
    wsdcAdvanceQueueIfNeeded(c);
  }, (r) => {
    c[kState].started = true;
    writableStreamDealWithRejection(stream, r);
  });
}
function wsdcClearAlgorithms(c) {
  c[kState].writeAlgorithm = () => resolved();
  c[kState].closeAlgorithm = () => resolved();
  c[kState].abortAlgorithm = () => resolved();
  c[kState].strategySize = undefined;
}
function wsdcClose(c) {
  enqueueValueWithSize(c[kState], kCloseSentinel, 0);
  wsdcAdvanceQueueIfNeeded(c);
}
function wsdcGetChunkSize(c, chunk) {
  try { return c[kState].strategySize(chunk); } catch (e) { wsdcErrorIfNeeded(c, e); return 1; }
}
function wsdcGetDesiredSize(c) { return c[kState].strategyHWM - c[kState].queueTotalSize; }
function wsdcWrite(c, chunk, chunkSize) {
  try { enqueueValueWithSize(c[kState], chunk, chunkSize); } catch (e) { wsdcErrorIfNeeded(c, e); return; }
  const stream = c[kState].stream;
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, wsdcGetBackpressure(c));
  }
  wsdcAdvanceQueueIfNeeded(c);
}
function wsdcAdvanceQueueIfNeeded(c) {
  const s = c[kState];
  const stream = s.stream;
  if (!s.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  const st = stream[kState].state;
  if (st === 'erroring') { writableStreamFinishErroring(stream); return; }
  if (s.queue.length === 0) return;
  const value = s.queue[0].value;
  if (value === kCloseSentinel) wsdcProcessClose(c);
  else wsdcProcessWrite(c, value);
}
function wsdcErrorIfNeeded(c, e) { if (c[kState].stream[kState].state === 'writable') wsdcError(c, e); }
function wsdcProcessClose(c) {
  const stream = c[kState].stream;
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(c[kState]);
  const p = c[kState].closeAlgorithm();
  wsdcClearAlgorithms(c);
  MethodThen(p, () => writableStreamFinishInFlightClose(stream), (r) => writableStreamFinishInFlightCloseWithError(stream, r));
}
function wsdcProcessWrite(c, chunk) {
  const stream = c[kState].stream;
  writableStreamMarkFirstWriteRequestInFlight(stream);
  MethodThen(c[kState].writeAlgorithm(chunk), () => {
    writableStreamFinishInFlightWrite(stream);
    const st = stream[kState].state;
    dequeueValue(c[kState]);
    if (!writableStreamCloseQueuedOrInFlight(stream) && st === 'writable') {
      writableStreamUpdateBackpressure(stream, wsdcGetBackpressure(c));
    }
    wsdcAdvanceQueueIfNeeded(c);
  }, (r) => {
    if (stream[kState].state === 'writable') wsdcClearAlgorithms(c);
    writableStreamFinishInFlightWriteWithError(stream, r);
  });
}
function wsdcGetBackpressure(c) { return wsdcGetDesiredSize(c) <= 0; }
function wsdcError(c, e) {
  const stream = c[kState].stream;
  wsdcClearAlgorithms(c);
  writableStreamStartErroring(stream, e);
}

// ---- TransformStream

class TransformStream {
  constructor(transformer = null, writableStrategy = {}, readableStrategy = {}) {
    if (transformer !== null && !isObj(transformer)) throw argType('transformer', 'of type object', transformer);
    const t = transformer === null ? {} : transformer;
    if (t.readableType !== undefined) throw argValue('RangeError', 'transformer.readableType', t.readableType);
    if (t.writableType !== undefined) throw argValue('RangeError', 'transformer.writableType', t.writableType);
    if (writableStrategy == null) writableStrategy = {};
    if (readableStrategy == null) readableStrategy = {};
    const readableHWM = extractHWM(readableStrategy, 0);
    const readableSize = extractSize(readableStrategy);
    const writableHWM = extractHWM(writableStrategy, 1);
    const writableSize = extractSize(writableStrategy);
    this[kType] = 'TransformStream';
    const startPromise = newPromise();
    initializeTransformStream(this, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
    const c = makeInternal(TransformStreamDefaultController);
    const transform = t.transform, flush = t.flush, cancel = t.cancel;
    setupTransformController(this, c,
      transform ? (chunk) => promiseCall(transform, t, chunk, c) : (chunk) => { try { tsdcEnqueue(c, chunk); return resolved(); } catch (e) { return rejected(e); } },
      flush ? () => promiseCall(flush, t, c) : () => resolved(),
      cancel ? (r) => promiseCall(cancel, t, r) : () => resolved());
    if (t.start) {
      try { startPromise.resolve(FunctionPrototypeCall(t.start, t, c)); } catch (e) { startPromise.reject(e); }
    } else startPromise.resolve();
  }
  get readable() { if (!isTS(this)) throw invalidThis('TransformStream'); return this[kState].readable; }
  get writable() { if (!isTS(this)) throw invalidThis('TransformStream'); return this[kState].writable; }
}
ObjectDefineProperty(TransformStream.prototype, Symbol.toStringTag, { value: 'TransformStream', configurable: true });
function isTS(v) { return isObj(v) && v[kType] === 'TransformStream'; }

function initializeTransformStream(stream, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  stream[kState] = { readable: undefined, writable: undefined, backpressure: undefined, backpressureChange: undefined, controller: undefined };
  const startAlgorithm = () => startPromise;
  stream[kState].writable = createWritableStream(startAlgorithm,
    (chunk) => tsDefaultSinkWrite(stream, chunk),
    () => tsDefaultSinkClose(stream),
    (reason) => tsDefaultSinkAbort(stream, reason),
    writableHWM, writableSize);
  stream[kState].readable = createReadableStream(startAlgorithm,
    () => tsDefaultSourcePull(stream),
    (reason) => tsDefaultSourceCancel(stream, reason),
    readableHWM, readableSize);
  stream[kState].backpressure = undefined;
  tsSetBackpressure(stream, true);
}
function tsError(stream, e) {
  rsdcError(stream[kState].readable[kState].controller, e);
  tsErrorWritableAndUnblockWrite(stream, e);
}
function tsErrorWritableAndUnblockWrite(stream, e) {
  tsdcClearAlgorithms(stream[kState].controller);
  wsdcErrorIfNeeded(stream[kState].writable[kState].controller, e);
  tsUnblockWrite(stream);
}
function tsUnblockWrite(stream) {
  if (stream[kState].backpressure) tsSetBackpressure(stream, false);
}
function tsSetBackpressure(stream, backpressure) {
  if (stream[kState].backpressureChange !== undefined) stream[kState].backpressureChange.resolve();
  stream[kState].backpressureChange = newPromise();
  stream[kState].backpressure = backpressure;
}

class TransformStreamDefaultController {
  constructor() { throw ERR('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get desiredSize() {
    const rc = this[kState].stream[kState].readable[kState].controller;
    return rsdcGetDesiredSize(rc);
  }
  enqueue(chunk) { tsdcEnqueue(this, chunk); }
  error(reason) { tsError(this[kState].stream, reason); }
  terminate() { tsdcTerminate(this); }
}
ObjectDefineProperty(TransformStreamDefaultController.prototype, Symbol.toStringTag, { value: 'TransformStreamDefaultController', configurable: true });

function setupTransformController(stream, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  c[kState] = { stream, transformAlgorithm, flushAlgorithm, cancelAlgorithm, finishPromise: undefined };
  stream[kState].controller = c;
}
function tsdcClearAlgorithms(c) {
  c[kState].transformAlgorithm = () => resolved();
  c[kState].flushAlgorithm = () => resolved();
  c[kState].cancelAlgorithm = () => resolved();
}
function tsdcEnqueue(c, chunk) {
  const stream = c[kState].stream;
  const rc = stream[kState].readable[kState].controller;
  if (!rsdcCanCloseOrEnqueue(rc)) throw invalidState('Unable to enqueue');
  try { rsdcEnqueue(rc, chunk); } catch (e) {
    tsErrorWritableAndUnblockWrite(stream, e);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = !(rsdcGetDesiredSize(rc) > 0);
  if (backpressure !== stream[kState].backpressure) tsSetBackpressure(stream, true);
}
function tsdcTerminate(c) {
  const stream = c[kState].stream;
  rsdcClose(stream[kState].readable[kState].controller);
  tsErrorWritableAndUnblockWrite(stream, ERR('TypeError', 'ERR_INVALID_STATE', 'Invalid state: TransformStream has been terminated'));
}
function tsdcPerformTransform(c, chunk) {
  return MethodThen(c[kState].transformAlgorithm(chunk), undefined, (r) => { tsError(c[kState].stream, r); throw r; });
}
function tsDefaultSinkWrite(stream, chunk) {
  const c = stream[kState].controller;
  if (stream[kState].backpressure) {
    return MethodThen(stream[kState].backpressureChange.promise, () => {
      const w = stream[kState].writable;
      if (w[kState].state === 'erroring') throw w[kState].storedError;
      return tsdcPerformTransform(c, chunk);
    });
  }
  return tsdcPerformTransform(c, chunk);
}
function tsDefaultSinkAbort(stream, reason) {
  const c = stream[kState].controller;
  if (c[kState].finishPromise !== undefined) return c[kState].finishPromise.promise;
  const readable = stream[kState].readable;
  c[kState].finishPromise = newPromise();
  const p = c[kState].cancelAlgorithm(reason);
  tsdcClearAlgorithms(c);
  MethodThen(p, () => {
    if (readable[kState].state === 'errored') c[kState].finishPromise.reject(readable[kState].storedError);
    else { rsdcError(readable[kState].controller, reason); c[kState].finishPromise.resolve(); }
  }, (r) => { rsdcError(readable[kState].controller, r); c[kState].finishPromise.reject(r); });
  return c[kState].finishPromise.promise;
}
function tsDefaultSinkClose(stream) {
  const c = stream[kState].controller;
  if (c[kState].finishPromise !== undefined) return c[kState].finishPromise.promise;
  const readable = stream[kState].readable;
  c[kState].finishPromise = newPromise();
  const p = c[kState].flushAlgorithm();
  tsdcClearAlgorithms(c);
  MethodThen(p, () => {
    if (readable[kState].state === 'errored') c[kState].finishPromise.reject(readable[kState].storedError);
    else { rsdcClose(readable[kState].controller); c[kState].finishPromise.resolve(); }
  }, (r) => { rsdcError(readable[kState].controller, r); c[kState].finishPromise.reject(r); });
  return c[kState].finishPromise.promise;
}
function tsDefaultSourcePull(stream) {
  tsSetBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}
function tsDefaultSourceCancel(stream, reason) {
  const c = stream[kState].controller;
  if (c[kState].finishPromise !== undefined) return c[kState].finishPromise.promise;
  const writable = stream[kState].writable;
  c[kState].finishPromise = newPromise();
  const p = c[kState].cancelAlgorithm(reason);
  tsdcClearAlgorithms(c);
  MethodThen(p, () => {
    if (writable[kState].state === 'errored') c[kState].finishPromise.reject(writable[kState].storedError);
    else {
      wsdcErrorIfNeeded(writable[kState].controller, reason);
      tsUnblockWrite(stream);
      c[kState].finishPromise.resolve();
    }
  }, (r) => {
    wsdcErrorIfNeeded(writable[kState].controller, r);
    tsUnblockWrite(stream);
    c[kState].finishPromise.reject(r);
  });
  return c[kState].finishPromise.promise;
}

// ---- encoding and compression streams

class TextEncoderStream {
  constructor() {
    const enc = new TextEncoder();
    let pending = '';
    this[kType] = 'TextEncoderStream';
    this[kState] = new TransformStream({
      transform(chunk, c) {
        let s = pending + String(chunk);
        pending = '';
        const last = MethodCharCodeAt(s, s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) { pending = s[s.length - 1]; s = MethodSlice(s, 0, -1); }
        if (s.length) c.enqueue(enc.encode(s));
      },
      flush(c) { if (pending) c.enqueue(new Uint8Array([0xef, 0xbf, 0xbd])); },
    });
  }
  get encoding() { return 'utf-8'; }
  get readable() { return this[kState].readable; }
  get writable() { return this[kState].writable; }
}
ObjectDefineProperty(TextEncoderStream.prototype, Symbol.toStringTag, { value: 'TextEncoderStream', configurable: true });

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const dec = new TextDecoder(encoding, options);
    this[kType] = 'TextDecoderStream';
    this[kState] = {
      decoder: dec,
      ts: new TransformStream({
        transform(chunk, c) {
          if (!ArrayBufferIsView(chunk) && !(chunk instanceof ArrayBuffer)) {
            throw argType('input', 'an instance of ArrayBuffer or ArrayBufferView', chunk);
          }
          const s = dec.decode(chunk, { stream: true });
          if (s) c.enqueue(s);
        },
        flush(c) { const s = dec.decode(); if (s) c.enqueue(s); },
      }),
    };
  }
  get encoding() { return this[kState].decoder.encoding; }
  get fatal() { return this[kState].decoder.fatal; }
  get ignoreBOM() { return this[kState].decoder.ignoreBOM; }
  get readable() { return this[kState].ts.readable; }
  get writable() { return this[kState].ts.writable; }
}
ObjectDefineProperty(TextDecoderStream.prototype, Symbol.toStringTag, { value: 'TextDecoderStream', configurable: true });

// As Node's, a compression stream is zlib's Duplex seen as a readable
// and a writable web stream (not a TransformStream: a write is taken
// without waiting for a reader).
function zlibPair(z) {
  const { Readable, Writable } = require('stream');
  return { readable: Readable.toWeb(z), writable: Writable.toWeb(z) };
}
function compressionFormat(format) {
  const f = String(format);
  if (f !== 'gzip' && f !== 'deflate' && f !== 'deflate-raw') {
    throw argValue('TypeError', 'format', format);
  }
  return f;
}
class CompressionStream {
  constructor(format) {
    const f = compressionFormat(format);
    const zlib = require('zlib');
    this[kType] = 'CompressionStream';
    this[kState] = zlibPair(f === 'gzip' ? zlib.createGzip() : f === 'deflate' ? zlib.createDeflate() : zlib.createDeflateRaw());
  }
  get readable() { return this[kState].readable; }
  get writable() { return this[kState].writable; }
}
ObjectDefineProperty(CompressionStream.prototype, Symbol.toStringTag, { value: 'CompressionStream', configurable: true });
class DecompressionStream {
  constructor(format) {
    const f = compressionFormat(format);
    const zlib = require('zlib');
    this[kType] = 'DecompressionStream';
    this[kState] = zlibPair(f === 'gzip' ? zlib.createGunzip() : f === 'deflate' ? zlib.createInflate() : zlib.createInflateRaw());
  }
  get readable() { return this[kState].readable; }
  get writable() { return this[kState].writable; }
}
ObjectDefineProperty(DecompressionStream.prototype, Symbol.toStringTag, { value: 'DecompressionStream', configurable: true });

// inspect shows what Node shows for the stream objects
const inspectSym = SymbolFor('nodejs.util.inspect.custom');
ReadableStream.prototype[inspectSym] = function (depth, options, inspect) {
  const s = this[kState];
  return `ReadableStream ${inspect({ locked: s.reader !== undefined, state: s.state, supportsBYOB: s.controller instanceof ReadableByteStreamController }, options)}`;
};
WritableStream.prototype[inspectSym] = function (depth, options, inspect) {
  const s = this[kState];
  return `WritableStream ${inspect({ locked: s.writer !== undefined, state: s.state }, options)}`;
};
TransformStream.prototype[inspectSym] = function (depth, options, inspect) {
  return `TransformStream ${inspect({ readable: this[kState].readable, writable: this[kState].writable, backpressure: this[kState].backpressure }, options)}`;
};
for (const C of SafeIterable([ReadableStream, WritableStream, TransformStream])) ObjectDefineProperty(C.prototype, inspectSym, { enumerable: false });

function isReadableStream(v) { return isRS(v); }
function isWritableStream(v) { return isWS(v); }
function isTransformStream(v) { return isTS(v); }

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
};
ObjectDefineProperty(module.exports, 'internals', {
  value: { isReadableStream, isWritableStream, isTransformStream, kState, readableStreamCancel },
  enumerable: false,
});
