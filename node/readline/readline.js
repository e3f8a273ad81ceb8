'use strict';
// readline over a Readable: 'line' events (\n, \r\n, \r), 'close',
// question(), pause/resume, async iteration of lines, and the promise
// form (readline/promises). Terminal editing is not implemented: input is
// read as lines.
const EE = require('events');
const { StringDecoder } = require('string_decoder');

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  FunctionPrototypeCall(EE, this);
  let opts = input;
  if (!(input && input.input !== undefined && typeof input.on !== 'function')) opts = { input, output, completer, terminal };
  this.input = opts.input;
  this.output = opts.output;
  this.terminal = !!(opts.terminal === undefined ? this.output && this.output.isTTY : opts.terminal);
  this.crlfDelay = opts.crlfDelay ? MathMax(100, opts.crlfDelay) : 100;
  this._prompt = opts.prompt === undefined ? '> ' : opts.prompt;
  this.line = '';
  this.cursor = 0;
  this.history = [];
  this.closed = false;
  this.paused = false;
  this._questionCb = null;
  this._decoder = new StringDecoder('utf8');
  this._buf = '';
  this._sawReturn = false;
  this._lines = [];
  this._waiters = [];
  if (opts.signal) {
    if (opts.signal.aborted) process.nextTick(() => this.close());
    else opts.signal.addEventListener('abort', () => this.close(), { once: true });
  }
  const onData = (chunk) => this._onData(typeof chunk === 'string' ? chunk : this._decoder.write(chunk));
  const onEnd = () => {
    const rest = this._decoder.end();
    if (rest) this._onData(rest);
    if (this._buf.length > 0) { const l = this._buf; this._buf = ''; this._onLine(l); }
    this.close();
  };
  this._onDataFn = onData;
  this._onEndFn = onEnd;
  if (this.input) {
    this.input.on('data', onData);
    this.input.on('end', onEnd);
    if (typeof this.input.resume === 'function') this.input.resume();
  }
}
ObjectSetPrototypeOf(Interface.prototype, EE.prototype);
ObjectSetPrototypeOf(Interface, EE);

Interface.prototype._onData = function (s) {
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n' && this._sawReturn && i === start && this._buf === '') { this._sawReturn = false; start = i + 1; continue; }
    this._sawReturn = false;
    if (c === '\n' || c === '\r') {
      const line = this._buf + MethodSlice(s, start, i);
      this._buf = '';
      start = i + 1;
      if (c === '\r') this._sawReturn = true;
      this._onLine(line);
      if (this.closed) return;
    }
  }
  this._buf += MethodSlice(s, start);
};
Interface.prototype._onLine = function (line) {
  if (this._questionCb) {
    const cb = this._questionCb;
    this._questionCb = null;
    cb(line);
    return;
  }
  this.emit('line', line);
  if (this._iterating) {
    if (this._waiters.length) MethodShift(this._waiters)({ value: line, done: false });
    else MethodPush(this._lines, line);
  }
};
Interface.prototype.setPrompt = function (p) { this._prompt = p; };
Interface.prototype.getPrompt = function () { return this._prompt; };
Interface.prototype.prompt = function () {
  if (this.paused) this.resume();
  if (this.output && typeof this.output.write === 'function') this.output.write(this._prompt);
};
Interface.prototype.question = function (query, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  if (this.closed) throw internals.newError('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  if (typeof cb !== 'function') return;
  if (this._questionCb) { this.prompt(); return; }
  this._questionCb = cb;
  if (this.output && typeof this.output.write === 'function') this.output.write(query);
  if (this.paused) this.resume();
};
Interface.prototype.write = function (d) {
  if (this.closed) throw internals.newError('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  if (typeof d === 'string') this._onData(d);
};
Interface.prototype.pause = function () {
  if (this.paused) return this;
  if (this.input && this.input.pause) this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};
Interface.prototype.resume = function () {
  if (!this.paused) return this;
  if (this.input && this.input.resume) this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};
Interface.prototype.close = function () {
  if (this.closed) return;
  this.pause();
  if (this.input) {
    this.input.removeListener('data', this._onDataFn);
    this.input.removeListener('end', this._onEndFn);
  }
  this.closed = true;
  this.emit('close');
  for (const w of SafeIterable(MethodSplice(this._waiters, 0))) w({ value: undefined, done: true });
};
Interface.prototype.getCursorPos = function () { return { rows: 0, cols: this.cursor }; };
Interface.prototype[Symbol.asyncIterator] = function () {
  this._iterating = true;
  return {
    next: () => {
      if (this._lines.length) return PromiseResolve({ value: MethodShift(this._lines), done: false });
      if (this.closed) return PromiseResolve({ value: undefined, done: true });
      return new Promise((resolve) => MethodPush(this._waiters, resolve));
    },
    return: () => { this.close(); return PromiseResolve({ value: undefined, done: true }); },
    [Symbol.asyncIterator]() { return this; },
  };
};
if (Symbol.dispose) Interface.prototype[Symbol.dispose] = function () { this.close(); };

function createInterface(input, output, completer, terminal) { return new Interface(input, output, completer, terminal); }

const esc = (s, cb) => { if (typeof cb === 'function') process.nextTick(cb); return true; };
function cursorTo(stream, x, y, cb) {
  if (typeof y === 'function') { cb = y; y = undefined; }
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return esc('', cb);
  stream.write(typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`);
  return esc('', cb);
}
function moveCursor(stream, dx, dy, cb) {
  if (stream == null || !(dx || dy)) return esc('', cb);
  let d = '';
  if (dx < 0) d += `\x1b[${-dx}D`; else if (dx > 0) d += `\x1b[${dx}C`;
  if (dy < 0) d += `\x1b[${-dy}A`; else if (dy > 0) d += `\x1b[${dy}B`;
  stream.write(d);
  return esc('', cb);
}
function clearLine(stream, dir, cb) {
  if (stream == null) return esc('', cb);
  stream.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K');
  return esc('', cb);
}
function clearScreenDown(stream, cb) { if (stream != null) stream.write('\x1b[0J'); return esc('', cb); }

// readline/promises
class PInterface extends Interface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      if (this.closed) { reject(internals.newError('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed')); return; }
      FunctionPrototypeCall(Interface.prototype.question, this, query, options, resolve);
    });
  }
}
class Readline {
  constructor(stream) { this.stream = stream; this.todo = []; }
  cursorTo(x, y) { MethodPush(this.todo, typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`); return this; }
  moveCursor(dx, dy) { MethodPush(this.todo, (dx < 0 ? `\x1b[${-dx}D` : dx > 0 ? `\x1b[${dx}C` : '') + (dy < 0 ? `\x1b[${-dy}A` : dy > 0 ? `\x1b[${dy}B` : '')); return this; }
  clearLine(dir) { MethodPush(this.todo, dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K'); return this; }
  clearScreenDown() { MethodPush(this.todo, '\x1b[0J'); return this; }
  commit() { this.stream.write(MethodJoin(this.todo, '')); this.todo = []; return PromiseResolve(); }
  rollback() { this.todo = []; return this; }
}
const promises = { Interface: PInterface, Readline, createInterface: (...a) => new PInterface(...SafeIterable(a)) };

module.exports = {
  Interface, clearLine, clearScreenDown, createInterface, cursorTo,
  emitKeypressEvents() {}, moveCursor, promises,
};
