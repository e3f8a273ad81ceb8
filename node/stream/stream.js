'use strict';
// Node's streams: Stream (legacy pipe), Readable, Writable, Duplex,
// Transform, PassThrough, pipeline, finished, and stream/promises. The
// constructors are plain functions, so that old-style subclasses
// (Readable.call(this, opts) with util.inherits) work as in Node.
const EE = require('events');
const { Buffer } = require('buffer');

const ERR = (code, msg, kind = 'Error') => internals.newError(kind, code, msg);
const kDestroyed = Symbol('kDestroyed');
const nop = () => {};

function getHWM(options, key, objectMode) {
  const v = options && options[key] != null ? options[key] : options && options.highWaterMark;
  if (v == null) return objectMode ? 16 : 16 * 1024;
  if (typeof v !== 'number' || !(v >= 0) || !NumberIsInteger(MathFloor(v))) {
    throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', `The property 'options.${key}' is invalid. Received ${internals.inspect(v)}`);
  }
  return MathFloor(v);
}

// ---- Stream (legacy)

function Stream(opts) { FunctionPrototypeCall(EE, this, opts); }
ObjectSetPrototypeOf(Stream.prototype, EE.prototype);
ObjectSetPrototypeOf(Stream, EE);
Stream.prototype.pipe = function (dest, options) {
  const source = this;
  function ondata(chunk) { if (dest.writable && dest.write(chunk) === false && source.pause) source.pause(); }
  source.on('data', ondata);
  function ondrain() { if (source.readable && source.resume) source.resume(); }
  dest.on('drain', ondrain);
  if (!dest._isStdio && (!options || options.end !== false)) { source.on('end', onend); source.on('close', onclose); }
  let didOnEnd = false;
  function onend() { if (didOnEnd) return; didOnEnd = true; dest.end(); }
  function onclose() { if (didOnEnd) return; didOnEnd = true; if (typeof dest.destroy === 'function') dest.destroy(); }
  function onerror(er) { cleanup(); if (EE.listenerCount(this, 'error') === 0) this.emit('error', er); }
  source.prependListener('error', onerror);
  dest.prependListener('error', onerror);
  function cleanup() {
    source.removeListener('data', ondata); dest.removeListener('drain', ondrain);
    source.removeListener('end', onend); source.removeListener('close', onclose);
    source.removeListener('error', onerror); dest.removeListener('error', onerror);
    source.removeListener('end', cleanup); source.removeListener('close', cleanup); dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup); source.on('close', cleanup); dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

// ---- destroy (shared)

function destroy(err, cb) {
  const r = this._readableState, w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  const self = this;
  let called = false;
  function onDestroy(err) {
    if (called) return;
    called = true;
    if (err) { if (w && !w.errored) w.errored = err; if (r && !r.errored) r.errored = err; }
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(err);
    if (err) process.nextTick(emitErrorCloseNT, self, err);
    else process.nextTick(emitCloseNT, self);
  }
  try { this._destroy(err || null, onDestroy); } catch (e) { onDestroy(e); }
  return this;
}
function emitErrorCloseNT(self, err) { emitErrorNT(self, err); emitCloseNT(self); }
function emitCloseNT(self) {
  const r = self._readableState, w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}
function emitErrorNT(self, err) {
  const r = self._readableState, w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState, w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) stream.destroy(err);
  else if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err); else emitErrorNT(stream, err);
  }
}

// ---- Readable

function ReadableState(options, stream, isDuplex) {
  options = options || {};
  this.objectMode = !!(options.objectMode || (isDuplex && options.readableObjectMode));
  this.highWaterMark = getHWM(options, 'readableHighWaterMark', this.objectMode);
  this.buffer = [];
  this.length = 0;
  this.pipes = [];
  this.flowing = null;
  this.ended = false;
  this.endEmitted = false;
  this.reading = false;
  this.constructed = true;
  this.sync = true;
  this.needReadable = false;
  this.emittedReadable = false;
  this.readableListening = false;
  this.resumeScheduled = false;
  this.errorEmitted = false;
  this.emitClose = options.emitClose !== false;
  this.autoDestroy = options.autoDestroy !== false;
  this.destroyed = false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this.defaultEncoding = options.defaultEncoding || 'utf8';
  this.awaitDrainWriters = null;
  this.multiAwaitDrain = false;
  this.readingMore = false;
  this.dataEmitted = false;
  this.decoder = null;
  this.encoding = null;
  if (options.encoding) { this.decoder = new (require('string_decoder').StringDecoder)(options.encoding); this.encoding = options.encoding; }
}

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = this instanceof Duplex;
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }
  FunctionPrototypeCall(Stream, this, options);
  if (typeof this._construct === 'function' && !isDuplex) construct(this);
}
ObjectSetPrototypeOf(Readable.prototype, Stream.prototype);
ObjectSetPrototypeOf(Readable, Stream);

function construct(stream) {
  const r = stream._readableState, w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  process.nextTick(() => {
    let called = false;
    const done = (err) => {
      if (called) return;
      called = true;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      if (err) { stream.destroy(err); return; }
      if (r && r.needReadable) maybeReadMore(stream, r);
      if (r && r.flowing) flow(stream);
      if (w) { clearBuffer(stream, w); finishMaybe(stream, w); }
    };
    try { stream._construct(done); } catch (e) { done(e); }
  });
}

Readable.ReadableState = ReadableState;
Readable.prototype.destroy = destroy;
Readable.prototype._undestroy = function () {
  const r = this._readableState;
  r.destroyed = false; r.closed = false; r.closeEmitted = false; r.errored = null; r.errorEmitted = false;
  r.ended = r.endEmitted = false;
};
Readable.prototype._destroy = function (err, cb) { cb(err); };
Readable.prototype[EE.captureRejectionSymbol || SymbolFor('nodejs.rejection')] = function (err) { this.destroy(err); };

Readable.prototype.push = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, false); };
Readable.prototype.unshift = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, true); };

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
    return false;
  }
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        else { chunk = Buffer.from(chunk, encoding); encoding = ''; }
      }
    } else if (chunk instanceof Uint8Array) {
      if (!Buffer.isBuffer(chunk)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else if (chunk !== undefined) {
      errorOrDestroy(stream, internals.invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk));
      return false;
    }
  }
  if (state.objectMode || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if (state.endEmitted) errorOrDestroy(stream, ERR('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'));
      else if (state.destroyed || state.errored) return false;
      else addChunk(stream, state, chunk, true);
    } else if (state.ended) {
      errorOrDestroy(stream, ERR('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'));
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    if (state.multiAwaitDrain) MethodClear(state.awaitDrainWriters); else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront) MethodUnshift(state.buffer, chunk); else MethodPush(state.buffer, chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function () {
  const s = this._readableState;
  return s.paused === true || s.flowing === false;
};

Readable.prototype.setEncoding = function (enc) {
  const { StringDecoder } = require('string_decoder');
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  let content = '';
  for (const data of SafeIterable(state.buffer)) content += decoder.write(data);
  state.buffer = content !== '' ? [content] : [];
  state.length = content.length;
  return this;
};

const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw internals.outOfRange('size', '<= 1GiB', n);
  n--; n |= n >>> 1; n |= n >>> 2; n |= n >>> 4; n |= n >>> 8; n |= n >>> 16; n++;
  return n;
}
function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (NumberIsNaN(n)) {
    if (state.flowing && state.length) return state.objectMode ? 1 : chunkLen(state.buffer[0]);
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}
const chunkLen = (c) => c.length;

Readable.prototype.read = function (n) {
  if (n === undefined) n = NaN;
  else if (!NumberIsInteger(n)) n = NumberParseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this); else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }
  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) doRead = false;
  else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try { this._read(state.highWaterMark); } catch (e) { errorOrDestroy(this, e); }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  let ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) MethodClear(state.awaitDrainWriters); else state.awaitDrainWriters = null;
  }
  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

function fromList(n, state) {
  if (state.length === 0) return null;
  let ret;
  if (state.objectMode) ret = MethodShift(state.buffer);
  else if (!n || n >= state.length) {
    if (state.decoder) ret = MethodJoin(state.buffer, '');
    else if (state.buffer.length === 1) ret = state.buffer[0];
    else ret = MethodConcat(Buffer, state.buffer, state.length);
    state.buffer = [];
  } else {
    // n bytes (or characters) from the front
    const first = state.buffer[0];
    if (n < first.length) {
      ret = MethodSlice(first, 0, n);
      state.buffer[0] = MethodSlice(first, n);
    } else if (n === first.length) {
      ret = MethodShift(state.buffer);
    } else {
      const parts = [];
      let got = 0;
      while (got < n) {
        const c = state.buffer[0];
        const need = n - got;
        if (c.length <= need) { MethodPush(parts, MethodShift(state.buffer)); got += c.length; }
        else { MethodPush(parts, MethodSlice(c, 0, need)); state.buffer[0] = MethodSlice(c, need); got += need; }
      }
      ret = state.decoder ? MethodJoin(parts, '') : MethodConcat(Buffer, parts, n);
    }
  }
  return ret;
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) { MethodPush(state.buffer, chunk); state.length += state.objectMode ? 1 : chunk.length; }
  }
  state.ended = true;
  if (state.sync) emitReadable(stream);
  else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadable_(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadable_, stream);
  }
}
function emitReadable_(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMore_, stream, state);
  }
}
function maybeReadMore_(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype._read = function () {
  throw ERR('ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented');
};

Readable.prototype.pipe = function (dest, pipeOpts) {
  const src = this;
  const state = this._readableState;
  MethodPush(state.pipes, dest);
  const doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn); else src.once('end', endFn);
  dest.on('unpipe', onunpipe);
  function onunpipe(readable, info) {
    if (readable === src && info && info.hasUnpiped === false) { info.hasUnpiped = true; cleanup(); }
  }
  function onend() { dest.end(); }
  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }
  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) { state.awaitDrainWriters = dest; state.multiAwaitDrain = false; }
      else if (state.pipes.length > 1 && MethodIncludes(state.pipes, dest)) {
        if (!(state.awaitDrainWriters instanceof Set)) state.awaitDrainWriters = new Set();
        MethodAdd(state.awaitDrainWriters, dest);
        state.multiAwaitDrain = true;
      }
      src.pause();
    }
    if (!ondrain) { ondrain = pipeOnDrain(src, dest); dest.on('drain', ondrain); }
  }
  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
  }
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er); else dest.emit('error', er);
    }
  }
  dest.prependListener('error', onerror);
  function onclose() { dest.removeListener('finish', onfinish); unpipe(); }
  dest.once('close', onclose);
  function onfinish() { dest.removeListener('close', onclose); unpipe(); }
  dest.once('finish', onfinish);
  function unpipe() { src.unpipe(dest); }
  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};
function pipeOnDrain(src, dest) {
  return function () {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) MethodDelete(state.awaitDrainWriters, dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) src.resume();
  };
}

Readable.prototype.unpipe = function (dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (const d of SafeIterable(dests)) d.emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const i = MethodIndexOf(state.pipes, dest);
  if (i === -1) return this;
  MethodSplice(state.pipes, i, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

Readable.prototype.on = function (ev, fn) {
  const res = FunctionPrototypeCall(Stream.prototype.on, this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;
Readable.prototype.removeListener = function (ev, fn) {
  const res = FunctionPrototypeCall(Stream.prototype.removeListener, this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;
Readable.prototype.removeAllListeners = function (ev) {
  const res = FunctionPrototypeApply(Stream.prototype.removeAllListeners, this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};
function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}
function nReadingNextTick(self) { self.read(0); }

Readable.prototype.resume = function () {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) { state.resumeScheduled = true; process.nextTick(resume_, this, state); }
  }
  state.paused = false;
  return this;
};
function resume_(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}
Readable.prototype.pause = function () {
  const state = this._readableState;
  if (state.flowing !== false) { state.flowing = false; this.emit('pause'); }
  state.paused = true;
  return this;
};
function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) { state.ended = true; process.nextTick(endReadableNT, state, stream); }
}
function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    if (stream.writable && stream.allowHalfOpen === false) process.nextTick(() => stream.end());
    else if (state.autoDestroy) {
      const w = stream._writableState;
      if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
    }
  }
}

Readable.prototype.wrap = function (stream) {
  let paused = false;
  stream.on('data', (chunk) => { if (!this.push(chunk) && stream.pause) { paused = true; stream.pause(); } });
  stream.on('end', () => this.push(null));
  stream.on('error', (err) => errorOrDestroy(this, err));
  stream.on('close', () => this.destroy());
  stream.on('destroy', () => this.destroy());
  this._read = () => { if (paused && stream.resume) { paused = false; stream.resume(); } };
  return this;
};

// async iteration (a plain iterator object: sobek has no async generators)
Readable.prototype[Symbol.asyncIterator] = function () { return createAsyncIterator(this); };
Readable.prototype.iterator = function (options) { return createAsyncIterator(this, options); };
function createAsyncIterator(stream, options) {
  const destroyOnReturn = !options || options.destroyOnReturn !== false;
  let error = null, done = false, waiting = null;
  const wake = () => { if (waiting) { const w = waiting; waiting = null; w(); } };
  stream.on('readable', wake);
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    done = true;
    wake();
  });
  const it = {
    next() {
      return new Promise((resolve, reject) => {
        const attempt = () => {
          if (stream.destroyed && !done && !error) { /* wait for eos */ }
          const chunk = done ? null : stream.read();
          if (chunk !== null) { resolve({ value: chunk, done: false }); return; }
          if (error) { const e = error; error = null; done = true; reject(e); return; }
          if (done) { resolve({ value: undefined, done: true }); return; }
          waiting = attempt;
        };
        attempt();
      });
    },
    return() {
      done = true;
      cleanup();
      if (destroyOnReturn && !stream.readableEnded) {
        return new Promise((resolve) => { eos(stream, { writable: false }, () => resolve({ value: undefined, done: true })); stream.destroy(null); });
      }
      return PromiseResolve({ value: undefined, done: true });
    },
    throw(err) { stream.destroy(err); return PromiseReject(err); },
    [Symbol.asyncIterator]() { return this; },
  };
  return it;
}
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) return outer;
  return inner || outer;
}

// Readable.from(iterable | async iterable | string | Buffer)
Readable.from = function (iterable, opts) { return from(Readable, iterable, opts); };
function from(Ctor, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Ctor({ objectMode: true, ...opts, read() { this.push(iterable); this.push(null); } });
  }
  let iterator, isAsync;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') { isAsync = true; iterator = iterable[Symbol.asyncIterator](); }
  else if (iterable && typeof iterable[Symbol.iterator] === 'function') { isAsync = false; iterator = iterable[Symbol.iterator](); }
  else throw internals.invalidArgType('iterable', 'an instance of Iterable', iterable);
  const readable = new Ctor({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  readable._read = function () { if (!reading) { reading = true; next(); } };
  readable._destroy = function (error, cb) {
    MethodThen(close(error), () => process.nextTick(cb, error), (e) => process.nextTick(cb, e || error));
  };
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    const hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') { const { value } = await iterator.return(); await value; }
  }
  function next() {
    let r;
    try { r = iterator.next(); } catch (e) { readable.destroy(e); return; }
    const handle = (res) => {
      MethodThen(PromiseResolve(res.value), (value) => {
        if (res.done) { MethodPush(readable, null); return; }
        if (readable.destroyed) return;
        if (value === null) { reading = false; readable.destroy(ERR('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', 'TypeError')); return; }
        if (MethodPush(readable, value)) next(); else reading = false;
      }, (e) => readable.destroy(e));
    };
    if (isAsync) MethodThen(PromiseResolve(r), handle, (e) => readable.destroy(e)); else handle(r);
  }
  return readable;
}

// iterator helpers Node ships on Readable.prototype
Readable.prototype.toArray = function (options) {
  const out = [];
  const it = this[Symbol.asyncIterator]();
  const step = () => MethodThen(it.next(), (r) => (r.done ? out : (MethodPush(out, r.value), step())));
  return step();
};
Readable.prototype.forEach = function (fn) {
  const it = this[Symbol.asyncIterator]();
  const step = () => MethodThen(it.next(), (r) => (r.done ? undefined : MethodThen(PromiseResolve(fn(r.value)), step)));
  return step();
};
function mapLike(src, fn) {
  const it = src[Symbol.asyncIterator]();
  return Readable.from({ [Symbol.asyncIterator]() { return { next: () => MethodThen(it.next(), (r) => (r.done ? r : fn(r))), return: () => it.return() }; } });
}
Readable.prototype.map = function (fn) {
  return mapLike(this, (r) => MethodThen(PromiseResolve(fn(r.value)), (value) => ({ value, done: false })));
};
Readable.prototype.filter = function (fn) {
  const it = this[Symbol.asyncIterator]();
  const next = () => MethodThen(it.next(), (r) => (r.done ? r : MethodThen(PromiseResolve(fn(r.value)), (keep) => (keep ? r : next()))));
  return Readable.from({ [Symbol.asyncIterator]() { return { next, return: () => it.return() }; } });
};
Readable.prototype.reduce = function (fn, initial) {
  const it = this[Symbol.asyncIterator]();
  let acc = initial, first = arguments.length < 2;
  const step = () => MethodThen(it.next(), (r) => {
    if (r.done) return acc;
    if (first) { acc = r.value; first = false; return step(); }
    return MethodThen(PromiseResolve(fn(acc, r.value)), (v) => { acc = v; return step(); });
  });
  return step();
};

const readableGetters = {
  readable() { const r = this._readableState; return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted; },
  readableDidRead() { return this._readableState.dataEmitted; },
  readableAborted() { const r = this._readableState; return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted); },
  readableHighWaterMark() { return this._readableState.highWaterMark; },
  readableBuffer() { return this._readableState && this._readableState.buffer; },
  readableFlowing() { return this._readableState.flowing; },
  readableLength() { return this._readableState.length; },
  readableObjectMode() { return this._readableState ? this._readableState.objectMode : false; },
  readableEncoding() { return this._readableState ? this._readableState.encoding : null; },
  errored() { return this._readableState ? this._readableState.errored : null; },
  closed() { return this._readableState ? this._readableState.closed : false; },
  destroyed() { return this._readableState ? this._readableState.destroyed : false; },
  readableEnded() { return this._readableState ? this._readableState.endEmitted : false; },
};
for (const [k, get] of SafeIterable(ObjectEntries(readableGetters))) {
  const desc = { get, enumerable: false, configurable: true };
  if (k === 'readable') desc.set = function (v) { if (this._readableState) this._readableState.readable = !!v; };
  if (k === 'readableFlowing') desc.set = function (v) { if (this._readableState) this._readableState.flowing = v; };
  if (k === 'destroyed') desc.set = function (v) { if (this._readableState) this._readableState.destroyed = v; };
  ObjectDefineProperty(Readable.prototype, k, desc);
}

// ---- Writable

function WritableState(options, stream, isDuplex) {
  options = options || {};
  this.objectMode = !!(options.objectMode || (isDuplex && options.writableObjectMode));
  this.highWaterMark = getHWM(options, 'writableHighWaterMark', this.objectMode);
  this.finalCalled = false;
  this.needDrain = false;
  this.ending = false;
  this.ended = false;
  this.finished = false;
  this.destroyed = false;
  this.decodeStrings = options.decodeStrings !== false;
  this.defaultEncoding = options.defaultEncoding || 'utf8';
  this.length = 0;
  this.writing = false;
  this.corked = 0;
  this.sync = true;
  this.bufferProcessing = false;
  this.writecb = null;
  this.writelen = 0;
  this.afterWriteTickInfo = null;
  this.buffered = [];
  this.pendingcb = 0;
  this.constructed = true;
  this.prefinished = false;
  this.errorEmitted = false;
  this.emitClose = options.emitClose !== false;
  this.autoDestroy = options.autoDestroy !== false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this.allBuffers = true;
  this.allNoop = true;
}
WritableState.prototype.getBuffer = function () { return MethodMap(this.buffered, (b) => b); };

function Writable(options) {
  const isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }
  FunctionPrototypeCall(Stream, this, options);
  if (typeof this._construct === 'function' && !isDuplex) construct(this);
}
ObjectSetPrototypeOf(Writable.prototype, Stream.prototype);
ObjectSetPrototypeOf(Writable, Stream);
ObjectDefineProperty(Writable, Symbol.hasInstance, {
  value(obj) {
    if (FunctionPrototypeCall(Function.prototype[Symbol.hasInstance], this, obj)) return true;
    if (this !== Writable) return false;
    return !!(obj && obj._writableState instanceof WritableState);
  },
});
Writable.WritableState = WritableState;
Writable.prototype.destroy = function (err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state.buffered.length)) {
    process.nextTick(errorBuffer, state);
  }
  FunctionPrototypeCall(destroy, this, err, cb);
  return this;
};
Writable.prototype._undestroy = function () {
  const w = this._writableState;
  w.destroyed = false; w.closed = false; w.closeEmitted = false; w.errored = null; w.errorEmitted = false;
  w.ended = w.ending = w.finished = w.finalCalled = w.prefinished = false;
};
Writable.prototype._destroy = function (err, cb) { cb(err); };
Writable.prototype.pipe = function () { errorOrDestroy(this, ERR('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable')); };

// writeImpl is Node's internal _write: an error (also reported through cb
// and the stream) or whether more may be written; write() says only the
// latter, end() tells the two apart.
function writeImpl(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof encoding === 'function') { cb = encoding; encoding = state.defaultEncoding; }
  else { if (!encoding) encoding = state.defaultEncoding; else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw internals.newError('TypeError', 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`); if (typeof cb !== 'function') cb = nop; }
  if (typeof cb !== 'function') cb = nop;
  if (chunk === null) throw ERR('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', 'TypeError');
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) { chunk = Buffer.from(chunk, encoding); encoding = 'buffer'; }
    } else if (chunk instanceof Buffer) encoding = 'buffer';
    else if (chunk instanceof Uint8Array) { chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength); encoding = 'buffer'; }
    else throw internals.invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
  }
  let err;
  if (state.ending) err = ERR('ERR_STREAM_WRITE_AFTER_END', 'write after end');
  else if (state.destroyed) err = ERR('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
  if (err) {
    process.nextTick(cb, err);
    errorOrDestroy(this, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(this, state, chunk, encoding, cb);
}
Writable.prototype.write = function (chunk, encoding, cb) {
  return FunctionPrototypeCall(writeImpl, this, chunk, encoding, cb) === true;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  const ret = state.length < state.highWaterMark;
  if (!ret) state.needDrain = true;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    MethodPush(state.buffered, { chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, (er) => onwrite(stream, er));
    state.sync = false;
  }
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(ERR('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
  else if (writev) stream._writev(chunk, (er) => onwrite(stream, er));
  else stream._write(chunk, encoding, (er) => onwrite(stream, er));
  state.sync = false;
}

function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') { errorOrDestroy(stream, ERR('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times')); return; }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    if (!state.errored) state.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length) clearBuffer(stream, state);
    if (sync) {
      if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) state.afterWriteTickInfo.count++;
      else {
        state.afterWriteTickInfo = { count: 1, cb, stream, state };
        process.nextTick(afterWriteTick, state.afterWriteTickInfo);
      }
    } else afterWrite(stream, state, 1, cb);
  }
}
function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}
function afterWriteTick({ stream, state, count, cb }) { state.afterWriteTickInfo = null; return afterWrite(stream, state, count, cb); }
function afterWrite(stream, state, count, cb) {
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) { state.needDrain = false; stream.emit('drain'); }
  while (count-- > 0) { state.pendingcb--; cb(null); }
  if (state.destroyed) errorBuffer(state);
  finishMaybe(stream, state);
}
function errorBuffer(state) {
  if (state.writing) return;
  for (const { chunk, callback } of SafeIterable(state.buffered)) {
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored || ERR('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
  }
  state.buffered = [];
}
function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered } = state;
  if (!buffered.length) return;
  state.bufferProcessing = true;
  if (buffered.length > 1 && stream._writev) {
    state.pendingcb -= buffered.length - 1;
    const callbacks = state.allNoop ? nop : (err) => { for (const b of SafeIterable(chunks)) b.callback(err); };
    const chunks = MethodSplice(buffered, 0);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callbacks);
  } else {
    do {
      const { chunk, encoding, callback } = MethodShift(buffered);
      const len = state.objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (buffered.length && !state.writing);
  }
  state.allBuffers = true;
  state.allNoop = true;
  state.bufferProcessing = false;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw ERR('ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
};
Writable.prototype._writev = null;
Writable.prototype.cork = function () { this._writableState.corked++; };
Writable.prototype.uncork = function () {
  const state = this._writableState;
  if (state.corked) { state.corked--; if (!state.writing) clearBuffer(this, state); }
};
Writable.prototype.setDefaultEncoding = function (enc) {
  if (typeof enc === 'string') enc = MethodToLowerCase(enc);
  if (!Buffer.isEncoding(enc)) throw internals.newError('TypeError', 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
  this._writableState.defaultEncoding = enc;
  return this;
};
Writable.prototype.end = function (chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; }
  else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = FunctionPrototypeCall(writeImpl, this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) { state.corked = 1; this.uncork(); }
  if (err) { /* already reported */ }
  else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) err = ERR('ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
  else if (state.destroyed) err = ERR('ERR_STREAM_DESTROYED', 'Cannot call end after a stream was destroyed');
  if (typeof cb === 'function') {
    if (err || state.finished) process.nextTick(cb, err);
    else MethodPush((state.finishCbs || (state.finishCbs = [])), cb);
  }
  return this;
};
function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 && !state.errored &&
    state.buffered.length === 0 && !state.finished && !state.writing && !state.errorEmitted && !state.closeEmitted;
}
function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) { errorOrDestroy(stream, ERR('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times')); return; }
    called = true;
    state.pendingcb--;
    if (err) {
      for (const cb of SafeIterable(state.finishCbs || [])) cb(err);
      state.finishCbs = [];
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try { stream._final(onFinish); } catch (err) { onFinish(err); }
  state.sync = false;
}
function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) { state.finalCalled = true; callFinal(stream, state); }
    else { state.prefinished = true; stream.emit('prefinish'); }
  }
}
function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) { state.pendingcb++; process.nextTick(() => { if (needFinish(state)) finish(stream, state); else state.pendingcb--; }); }
      else if (needFinish(state)) { state.pendingcb++; finish(stream, state); }
    }
  }
}
function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  const cbs = state.finishCbs || [];
  state.finishCbs = [];
  for (const cb of SafeIterable(cbs)) cb();
  stream.emit('finish');
  if (state.autoDestroy) {
    const r = stream._readableState;
    if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
  }
}

const writableGetters = {
  writable() { const w = this._writableState; return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended; },
  writableFinished() { return this._writableState ? this._writableState.finished : false; },
  writableObjectMode() { return this._writableState ? this._writableState.objectMode : false; },
  writableBuffer() { return this._writableState && this._writableState.getBuffer(); },
  writableEnded() { return this._writableState ? this._writableState.ending : false; },
  writableNeedDrain() { const w = this._writableState; return w ? !w.destroyed && !w.ending && w.needDrain : false; },
  writableHighWaterMark() { return this._writableState && this._writableState.highWaterMark; },
  writableCorked() { return this._writableState ? this._writableState.corked : 0; },
  writableLength() { return this._writableState && this._writableState.length; },
  writableAborted() { const w = this._writableState; return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished); },
};
for (const [k, get] of SafeIterable(ObjectEntries(writableGetters))) {
  const desc = { get, enumerable: false, configurable: true };
  if (k === 'writable') desc.set = function (v) { if (this._writableState) this._writableState.writable = !!v; };
  ObjectDefineProperty(Writable.prototype, k, desc);
}
for (const k of SafeIterable(['destroyed', 'closed', 'errored'])) {
  ObjectDefineProperty(Writable.prototype, k, {
    get() { return this._writableState ? this._writableState[k] : k === 'errored' ? null : false; },
    set(v) { if (this._writableState) this._writableState[k] = v; },
    enumerable: false, configurable: true,
  });
}
Writable.prototype[EE.captureRejectionSymbol || SymbolFor('nodejs.rejection')] = function (err) { this.destroy(err); };

// ---- Duplex, Transform, PassThrough

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  FunctionPrototypeCall(Readable, this, options);
  this._writableState = new WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) { this._readableState.readable = false; this._readableState.ended = true; this._readableState.endEmitted = true; }
    if (options.writable === false) { this._writableState.writable = false; this._writableState.ending = true; this._writableState.ended = true; this._writableState.finished = true; }
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.final === 'function') this._final = options.final;
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  if (typeof this._construct === 'function') construct(this);
}
ObjectSetPrototypeOf(Duplex.prototype, Readable.prototype);
ObjectSetPrototypeOf(Duplex, Readable);
for (const k of SafeIterable(ObjectGetOwnPropertyNames(Writable.prototype))) {
  if (k === 'constructor' || k === 'destroy' || k === '_destroy' || k === 'pipe') continue;
  if (!ObjectPrototypeHasOwnProperty(Duplex.prototype, k)) {
    ObjectDefineProperty(Duplex.prototype, k, ObjectGetOwnPropertyDescriptor(Writable.prototype, k));
  }
}
for (const k of SafeIterable(['destroyed', 'closed', 'errored'])) {
  ObjectDefineProperty(Duplex.prototype, k, {
    get() {
      const r = this._readableState, w = this._writableState;
      if (k === 'errored') return (r && r.errored) || (w && w.errored) || null;
      if (r === undefined || w === undefined) return false;
      return r[k] && w[k];
    },
    set(v) { if (this._readableState && this._writableState) { this._readableState[k] = v; this._writableState[k] = v; } },
    enumerable: false, configurable: true,
  });
}
Duplex.prototype.destroy = Writable.prototype.destroy;
Duplex.from = function (body) {
  if (body instanceof Duplex) return body;
  if (body instanceof Readable) return body;
  if (typeof body === 'function' || (body && (typeof body[Symbol.asyncIterator] === 'function' || typeof body[Symbol.iterator] === 'function'))) {
    if (typeof body !== 'function') return from(Duplex, body, { objectMode: true, writable: false });
  }
  if (body && typeof body === 'object' && (body.readable || body.writable)) {
    const { readable: r, writable: w } = body;
    const d = new Duplex({ objectMode: true, read() { if (r) r.resume(); }, write(c, e, cb) { w.write(c, e, cb); }, final(cb) { w.end(); w.once('finish', () => cb()); } });
    if (r) { r.on('data', (c) => { if (!MethodPush(d, c)) r.pause(); }); r.on('end', () => MethodPush(d, null)); }
    return d;
  }
  throw internals.invalidArgType('body', 'an instance of Stream, Iterable, AsyncIterable, Function, {readable, writable} pair or Promise', body);
};

const kCallback = Symbol('kCallback');
function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  const rhwm = options ? getHWM(options, 'readableHighWaterMark', !!(options.objectMode || options.readableObjectMode)) : null;
  if (rhwm === 0) options = { ...options, highWaterMark: null, readableHighWaterMark: rhwm, writableHighWaterMark: options.writableHighWaterMark || 0 };
  FunctionPrototypeCall(Duplex, this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', prefinishTransform);
}
ObjectSetPrototypeOf(Transform.prototype, Duplex.prototype);
ObjectSetPrototypeOf(Transform, Duplex);
function finalTransform(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) { if (cb) cb(er); else this.destroy(er); return; }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}
function prefinishTransform() { if (this._final !== finalTransform) FunctionPrototypeCall(finalTransform, this); }
Transform.prototype._final = finalTransform;
Transform.prototype._transform = function () {
  throw ERR('ERR_METHOD_NOT_IMPLEMENTED', 'The _transform() method is not implemented');
};
Transform.prototype._write = function (chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) { callback(err); return; }
    if (val != null) this.push(val);
    if (rState.ended) process.nextTick(callback);
    else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) callback();
    else this[kCallback] = callback;
  });
};
Transform.prototype._read = function () {
  if (this[kCallback]) { const cb = this[kCallback]; this[kCallback] = null; cb(); }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  FunctionPrototypeCall(Transform, this, options);
}
ObjectSetPrototypeOf(PassThrough.prototype, Transform.prototype);
ObjectSetPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, enc, cb) { cb(null, chunk); };

// ---- finished (end-of-stream) and pipeline

function isReadableNodeStream(s) { return !!(s && typeof s.pipe === 'function' && typeof s.on === 'function' && (!s._writableState || (s._readableState && s._readableState.readable !== false))); }
function isWritableNodeStream(s) { return !!(s && typeof s.write === 'function' && typeof s.on === 'function' && (!s._readableState || (s._writableState && s._writableState.writable !== false))); }
function isNodeStream(s) { return !!(s && (s._readableState || s._writableState || (typeof s.write === 'function' && typeof s.on === 'function') || (typeof s.pipe === 'function' && typeof s.on === 'function'))); }

function eos(stream, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  else if (options == null) options = {};
  if (typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  let done = false;
  const cb = (...args) => { if (done) return; done = true; FunctionPrototypeApply(callback, stream, args); };
  const r = stream._readableState, w = stream._writableState;
  const readable = options.readable !== undefined ? options.readable : isReadableNodeStream(stream);
  const writable = options.writable !== undefined ? options.writable : isWritableNodeStream(stream);
  let writableFinished = !!(w && w.finished);
  let readableFinished = !!(r && r.endEmitted);
  const onlegacyfinish = () => { if (!stream.writable) onfinish(); };
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) { /* close decides */ }
    if (readable && !readableFinished && stream.readable !== false) return;
    if (!readable || readableFinished) FunctionPrototypeCall(cb, stream);
  };
  const onend = () => {
    readableFinished = true;
    if (writable && !writableFinished && stream.writable !== false) return;
    if (!writable || writableFinished) FunctionPrototypeCall(cb, stream);
  };
  const onerror = (err) => { FunctionPrototypeCall(cb, stream, err); };
  let closed = (w && w.closed) || (r && r.closed);
  const onclose = () => {
    closed = true;
    const errored = (w && w.errored) || (r && r.errored);
    if (errored && typeof errored !== 'boolean') return FunctionPrototypeCall(cb, stream, errored);
    if (readable && !readableFinished && r && !r.endEmitted) return FunctionPrototypeCall(cb, stream, ERR('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    if (writable && !writableFinished && w && !w.finished) return FunctionPrototypeCall(cb, stream, ERR('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    FunctionPrototypeCall(cb, stream);
  };
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (!w && !r) stream.on('end', onlegacyfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);
  if (closed) process.nextTick(onclose);
  else if ((w && w.errorEmitted) || (r && r.errorEmitted)) {
    if (!(writable && !w.finished) && !(readable && !r.endEmitted)) process.nextTick(onclose);
  } else if (!readable && (!writable || (w && w.finished)) && w && w.finished) process.nextTick(onclose);
  else if (!writable && (!readable || readableFinished) && readableFinished) process.nextTick(onclose);
  const cleanup = () => {
    callback = nop;
    stream.removeListener('end', onend);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };
  if (options.signal && !closed) {
    const abort = () => { const e = abortError(options.signal.reason); cleanup(); FunctionPrototypeCall(callback, stream, e); };
    if (options.signal.aborted) process.nextTick(abort);
    else options.signal.addEventListener('abort', abort, { once: true });
  }
  return cleanup;
}
function abortError(cause) {
  const e = ERR('ABORT_ERR', 'The operation was aborted');
  e.name = 'AbortError';
  if (cause !== undefined) e.cause = cause;
  return e;
}
function finishedPromise(stream, opts) {
  return new Promise((resolve, reject) => { eos(stream, opts, (err) => (err ? reject(err) : resolve())); });
}
eos.finished = eos;

function pipeline(...streams) {
  const callback = typeof streams[streams.length - 1] === 'function' ? MethodPop(streams) : null;
  if (!callback) throw internals.invalidArgType('streams[stream.length - 1]', 'of type function', streams[streams.length - 1]);
  return pipelineImpl(streams, callback);
}
function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && ArrayIsArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "streams" argument must be specified');
  let error, finishCount = 0, finished = false;
  const destroys = [];
  const finish = (err, final) => {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) MethodShift(destroys)(error);
    if (final && !finished) { finished = true; process.nextTick(callback, error, value); }
  };
  let value;
  let ret;
  for (let i = 0; i < streams.length; i++) {
    let stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    const isLast = i === streams.length - 1;
    if (typeof stream === 'function') {
      const r = stream(ret, { signal: opts && opts.signal });
      if (isNodeStream(r)) stream = r;
      else if (r && (typeof r[Symbol.asyncIterator] === 'function' || typeof r[Symbol.iterator] === 'function')) stream = Readable.from(r);
      else if (r && typeof r.then === 'function') {
        finishCount++;
        MethodThen(r, (v) => { value = v; finish(null, --finishCount === 0); }, (e) => finish(e, --finishCount === 0));
        ret = null;
        continue;
      } else throw internals.newError('TypeError', 'ERR_INVALID_RETURN_VALUE', 'Expected an AsyncIterable, Iterable or Promise to be returned from the "transform" function.');
    } else if (!isNodeStream(stream)) {
      if (stream && (typeof stream[Symbol.asyncIterator] === 'function' || typeof stream[Symbol.iterator] === 'function')) stream = Readable.from(stream);
      else throw internals.invalidArgType(`streams[${i}]`, 'an instance of Stream, Iterable, or AsyncIterable', stream);
    }
    finishCount++;
    const s = stream;
    eos(s, { readable: reading, writable: writing }, (err) => finish(err, --finishCount === 0));
    // on an error every stream of the line is destroyed; each one's
    // end-of-stream still counts towards the final callback
    MethodPush(destroys, (err) => { if (err && !s.destroyed && typeof s.destroy === 'function') s.destroy(err); });
    if (ret) ret.pipe(s, { end });
    ret = s;
  }
  return ret;
}

function addAbortSignal(signal, stream) {
  if (!signal || typeof signal.aborted !== 'boolean') throw internals.invalidArgType('signal', 'an instance of AbortSignal', signal);
  const onAbort = () => stream.destroy(abortError(signal.reason));
  if (signal.aborted) onAbort(); else signal.addEventListener('abort', onAbort, { once: true });
  return stream;
}

function compose() { throw ERR('ERR_METHOD_NOT_IMPLEMENTED', 'The compose() method is not implemented'); }

const promises = {
  pipeline(...streams) {
    return new Promise((resolve, reject) => {
      let opts;
      const last = streams[streams.length - 1];
      if (last && typeof last === 'object' && !isNodeStream(last) && !(typeof last[Symbol.asyncIterator] === 'function') && !(typeof last[Symbol.iterator] === 'function')) opts = MethodPop(streams);
      pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), opts);
    });
  },
  finished: finishedPromise,
};

Stream.Stream = Stream;
// ---- web stream adapters (Node's lib/internal/webstreams/adapters.js)

function webStreams() { return require('stream/web'); }
function webInternals() { return ObjectGetOwnPropertyDescriptor(webStreams(), 'internals').value; }
function deferred() { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; }

Readable.toWeb = function toWeb(streamReadable, options) {
  if (!isReadableNodeStream(streamReadable) && !(streamReadable && streamReadable._readableState)) {
    throw internals.invalidArgType('streamReadable', 'an stream.Readable', streamReadable);
  }
  const { ReadableStream, CountQueuingStrategy } = webStreams();
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const strategy = options && options.strategy ? options.strategy
    : objectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark, size(chunk) { return chunk.byteLength; } };
  let controller;
  function onData(chunk) {
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  function onFinished(error) {
    streamReadable.off('data', onData);
    streamReadable.on('error', () => {});
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const e = new Error('The operation was aborted');
      e.name = 'AbortError'; e.code = 'ABORT_ERR'; e.cause = error;
      error = e;
    }
    if (error) { try { controller.error(error); } catch (e) { /* already closed */ } return; }
    try { controller.close(); } catch (e) { /* already closed */ }
  }
  streamReadable.pause();
  eos(streamReadable, onFinished);
  streamReadable.on('data', onData);
  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { streamReadable.destroy(reason); },
  }, strategy);
};

Readable.fromWeb = function fromWeb(readableStream, options = {}) {
  if (!webInternals().isReadableStream(readableStream)) {
    throw internals.invalidArgType('readableStream', 'an instance of ReadableStream', readableStream);
  }
  const { highWaterMark, encoding, objectMode = false, signal } = options || {};
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode, highWaterMark, encoding, signal,
    read() {
      MethodThen(reader.read(), (chunk) => {
        if (chunk.done) MethodPush(readable, null);
        else MethodPush(readable, chunk.value);
      }, (error) => readable.destroy(error));
    },
    destroy(error, callback) {
      const done = () => { try { callback(error); } catch (e) { process.nextTick(() => { throw e; }); } };
      if (!closed) { MethodThen(reader.cancel(error), done, done); return; }
      done();
    },
  });
  MethodThen(reader.closed, () => { closed = true; }, (error) => { closed = true; readable.destroy(error); });
  return readable;
};

Writable.toWeb = function toWeb(streamWritable) {
  if (!isWritableNodeStream(streamWritable) && !(streamWritable && streamWritable._writableState)) {
    throw internals.invalidArgType('streamWritable', 'an stream.Writable', streamWritable);
  }
  const { WritableStream, CountQueuingStrategy } = webStreams();
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };
  let controller, backpressurePromise, closed;
  function onDrain() { if (backpressurePromise !== undefined) backpressurePromise.resolve(); }
  eos(streamWritable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const e = new Error('The operation was aborted');
      e.name = 'AbortError'; e.code = 'ABORT_ERR'; e.cause = error;
      error = e;
    }
    streamWritable.off('drain', onDrain);
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      if (closed !== undefined) { closed.reject(error); closed = undefined; }
      if (controller) controller.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) { closed.resolve(); closed = undefined; return; }
    if (controller) controller.error(new Error('The operation was aborted'));
    controller = undefined;
  });
  streamWritable.on('drain', onDrain);
  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = deferred();
        return MethodFinally(backpressurePromise.promise, () => { backpressurePromise = undefined; });
      }
    },
    abort(reason) { streamWritable.destroy(reason); },
    close() {
      if (closed === undefined && !streamWritable.writableEnded) {
        closed = deferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return PromiseResolve();
    },
  }, strategy);
};

Writable.fromWeb = function fromWeb(writableStream, options = {}) {
  if (!webInternals().isWritableStream(writableStream)) {
    throw internals.invalidArgType('writableStream', 'an instance of WritableStream', writableStream);
  }
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options || {};
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark, objectMode, decodeStrings, signal,
    writev(chunks, callback) {
      const done = (error) => {
        error = ArrayIsArray(error) ? MethodFilter(error, (e) => e) : error ? [error] : [];
        try { callback(error.length === 0 ? undefined : error[0]); } catch (e) { writable.destroy(e); }
      };
      MethodThen(writer.ready, () => MethodThen(PromiseAll(MethodMap(chunks, (d) => writer.write(d.chunk))), () => done(), done), done);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        const b = Buffer.from(chunk, encoding);
        chunk = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      }
      const done = (error) => { try { callback(error); } catch (e) { writable.destroy(e); } };
      MethodThen(writer.ready, () => MethodThen(writer.write(chunk), () => done(), done), done);
    },
    destroy(error, callback) {
      const done = () => { try { callback(error); } catch (e) { process.nextTick(() => { throw e; }); } };
      if (!closed) {
        if (error != null) MethodThen(writer.abort(error), done, done);
        else MethodThen(writer.close(), done, done);
        return;
      }
      done();
    },
    final(callback) {
      const done = (error) => { try { callback(error); } catch (e) { process.nextTick(() => { throw e; }); } };
      if (!closed) MethodThen(writer.close(), () => done(), done);
    },
  });
  MethodThen(writer.closed, () => {
    closed = true;
    if (!writable.writableEnded) writable.destroy(ERR('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
  }, (error) => { closed = true; writable.destroy(error); });
  return writable;
};

Duplex.toWeb = function toWeb(duplex) {
  return { readable: Readable.toWeb(duplex), writable: Writable.toWeb(duplex) };
};
Duplex.fromWeb = function fromWeb(pair, options = {}) {
  if (pair === null || typeof pair !== 'object') throw internals.invalidArgType('pair', 'of type object', pair);
  const r = Readable.fromWeb(pair.readable, options);
  const w = Writable.fromWeb(pair.writable, options);
  const d = new Duplex({
    objectMode: !!(options && options.objectMode),
    read() { r.resume(); },
    write(c, e, cb) { w.write(c, e, cb); },
    final(cb) { w.end(cb); },
    destroy(err, cb) { r.destroy(err); w.destroy(err); cb(err); },
  });
  r.on('data', (c) => { if (!MethodPush(d, c)) r.pause(); });
  r.on('end', () => MethodPush(d, null));
  r.on('error', (e) => d.destroy(e));
  w.on('error', (e) => d.destroy(e));
  return d;
};

Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.finished = eos;
Stream.addAbortSignal = addAbortSignal;
Stream.compose = compose;
Stream.destroy = (s, err) => { if (s && typeof s.destroy === 'function') s.destroy(err); };
Stream.isReadable = (s) => !!(s && s.readable && !s.destroyed);
Stream.isWritable = (s) => !!(s && s.writable && !s.destroyed);
Stream.isErrored = (s) => !!(s && s.errored);
Stream.isDisturbed = (s) => !!(s && s._readableState && (s._readableState.dataEmitted || s._readableState.endEmitted || s.destroyed));
Stream.getDefaultHighWaterMark = (objectMode) => (objectMode ? 16 : 16 * 1024);
Stream.setDefaultHighWaterMark = () => {};
ObjectDefineProperty(Stream, 'promises', { value: promises, enumerable: true, configurable: true });
ObjectDefineProperty(pipeline, SymbolFor('nodejs.util.promisify.custom'), { value: promises.pipeline, enumerable: true });
ObjectDefineProperty(eos, SymbolFor('nodejs.util.promisify.custom'), { value: finishedPromise, enumerable: true });
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength);
module.exports = Stream;
