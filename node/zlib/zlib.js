'use strict';
// zlib's sync, callback and stream forms over the Go binding. Streams
// produce output as input comes (decoders on a goroutine of their own).
const { Buffer } = require('buffer');
const constants = binding.constants;
constants.Z_MAX_CHUNK = Infinity;

function toBuf(data) {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBufferIsView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw internals.invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', data);
}
function levelOf(mode, opts) {
  if (MethodStartsWith(mode, 'brotli')) {
    const p = opts && opts.params;
    return p && p[constants.BROTLI_PARAM_QUALITY] !== undefined ? p[constants.BROTLI_PARAM_QUALITY] : -1;
  }
  return opts && opts.level !== undefined ? opts.level : -1;
}
// Node's buffer.kMaxLength: the one-shot forms' default maxOutputLength.
const kMaxLength = 2 ** 32;
function run(mode, data, opts) {
  checkOptions(mode, opts);
  const max = opts && opts.maxOutputLength !== undefined ? opts.maxOutputLength : kMaxLength;
  const r = Buffer.from(binding.process(mode, toBuf(data), levelOf(mode, opts), max));
  if (opts && opts.info) return { buffer: r, engine: {} };
  return r;
}
const modes = ['deflate', 'inflate', 'gzip', 'gunzip', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress'];
const classNames = { deflate: 'Deflate', inflate: 'Inflate', gzip: 'Gzip', gunzip: 'Gunzip', deflateRaw: 'DeflateRaw',
  inflateRaw: 'InflateRaw', unzip: 'Unzip', brotliCompress: 'BrotliCompress', brotliDecompress: 'BrotliDecompress' };
for (const mode of SafeIterable(modes)) {
  exports[mode + 'Sync'] = { [mode + 'Sync'](buffer, opts) { return run(mode, buffer, opts); } }[mode + 'Sync'];
  exports[mode] = {
    [mode](buffer, opts, cb) {
      if (typeof opts === 'function') { cb = opts; opts = {}; }
      if (typeof cb !== 'function') throw internals.invalidArgType('callback', 'of type function', cb);
      let r, err = null;
      try { r = run(mode, buffer, opts); } catch (e) { err = e; }
      setImmediate(() => (err ? cb(err) : cb(null, r)));
    },
  }[mode];
  const Cls = makeClass(mode, classNames[mode]);
  exports[classNames[mode]] = Cls;
  exports['create' + classNames[mode]] = (opts) => new Cls(opts);
}
function checkRange(opts, key, min, max) {
  const v = opts[key];
  if (v === undefined) return;
  if (typeof v !== 'number') throw internals.newError('TypeError', 'ERR_INVALID_ARG_TYPE', `The "options.${key}" property must be of type number. Received ${describe(v)}`);
  if (!(v >= min && v <= max)) throw internals.outOfRange(`options.${key}`, max === Infinity ? `>= ${min}` : `>= ${min} and <= ${max}`, v);
}
function describe(v) {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'function') return `function ${v.name}`;
  if (typeof v === 'object') return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : internals.inspect(v);
  let s = internals.inspect(v);
  if (s.length > 28) s = MethodSlice(s, 0, 25) + '...';
  return `type ${typeof v} (${s})`;
}
function checkOptions(mode, opts) {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object') return {};
  const brotli = MethodStartsWith(mode, 'brotli');
  checkRange(opts, 'chunkSize', 64, Infinity);
  checkRange(opts, 'maxOutputLength', 1, kMaxLength);
  if (!brotli) {
    checkRange(opts, 'level', -1, 9);
    const decode = mode === 'inflate' || mode === 'gunzip' || mode === 'inflateRaw' || mode === 'unzip';
    if (!(decode && opts.windowBits === 0)) checkRange(opts, 'windowBits', mode === 'gzip' ? 9 : 8, 15);
    checkRange(opts, 'memLevel', 1, 9);
    checkRange(opts, 'strategy', 0, 4);
    const d = opts.dictionary;
    if (d !== undefined && !ArrayBufferIsView(d) && !(d instanceof ArrayBuffer)) {
      throw internals.newError('TypeError', 'ERR_INVALID_ARG_TYPE', `The "options.dictionary" property must be an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received ${describe(d)}`);
    }
  }
  return opts;
}
function makeClass(mode, name) {
  const { Transform } = require('stream');
  const kFlushes = Symbol('kFlushes');
  function Z(opts) {
    if (!(this instanceof Z)) return new Z(opts);
    opts = checkOptions(mode, opts);
    FunctionPrototypeCall(Transform, this, opts);
    this._opts = opts;
    this.bytesWritten = 0;
    this._finishFlushFlag = opts.finishFlush !== undefined ? opts.finishFlush : constants.Z_FINISH;
    this[kFlushes] = [];
    this._handle = binding.stream(mode, levelOf(mode, opts), opts.dictionary === undefined ? undefined : toBuf(opts.dictionary));
    this.once('close', () => this._handle && this._handle.close());
  }
  ObjectDefineProperty(Z, 'name', { value: name });
  ObjectSetPrototypeOf(Z.prototype, Transform.prototype);
  ObjectSetPrototypeOf(Z, Transform);
  Z.prototype._transform = function (chunk, enc, cb) {
    let out;
    try {
      if (chunk.length === 0 && this[kFlushes].length > 0) out = this._handle.flush(MethodShift(this[kFlushes]));
      else { out = this._handle.write(typeof chunk === 'string' ? Buffer.from(chunk, enc) : toBuf(chunk)); this.bytesWritten += chunk.length; }
    } catch (e) {
      // as Node's zlib: the stream is destroyed, the write's callback
      // is not called
      this.destroy(e);
      return;
    }
    if (out.byteLength > 0) this.push(Buffer.from(out));
    cb();
  };
  Z.prototype._flush = function (cb) {
    let out;
    try { out = this._handle.finish(); } catch (e) { cb(e); return; }
    cb(null, out.byteLength > 0 ? Buffer.from(out) : undefined);
  };
  // flush(kind, cb): what was written so far comes out decodable; the
  // marker goes through the stream so it stays in order with writes
  Z.prototype.flush = function (kind, cb) {
    if (typeof kind === 'function' || kind === undefined) { cb = kind; kind = MethodStartsWith(mode, 'brotli') ? constants.BROTLI_OPERATION_FLUSH : constants.Z_FULL_FLUSH; }
    if (this.writableFinished || this.destroyed) { if (cb) process.nextTick(cb); return; }
    MethodPush(this[kFlushes], kind);
    this.write(Buffer.alloc(0), cb ? () => cb() : undefined);
  };
  // _processChunk(chunk, flushFlag): Node's synchronous step, which
  // minizlib (node-tar) calls directly
  Z.prototype._processChunk = function (chunk, flushFlag, cb) {
    const brotli = MethodStartsWith(mode, 'brotli');
    const h = this._handle;
    let out = h.write(typeof chunk === 'string' ? Buffer.from(chunk) : toBuf(chunk));
    this.bytesWritten += chunk.length;
    let extra = null;
    if (brotli ? flushFlag === constants.BROTLI_OPERATION_FINISH : flushFlag === constants.Z_FINISH) extra = h.finish();
    else if (brotli ? flushFlag === constants.BROTLI_OPERATION_FLUSH : flushFlag === constants.Z_SYNC_FLUSH || flushFlag === constants.Z_FULL_FLUSH || flushFlag === constants.Z_BLOCK) extra = h.flush(flushFlag);
    if (extra !== null && extra.byteLength > 0) {
      // no Buffer.concat: minizlib replaces it during the call
      const all = new Uint8Array(out.byteLength + extra.byteLength);
      MethodSet(all, new Uint8Array(out), 0);
      MethodSet(all, new Uint8Array(extra), out.byteLength);
      out = all.buffer;
    }
    const b = Buffer.from(out);
    if (typeof cb === 'function') { process.nextTick(cb, null, b); return; }
    return b;
  };
  Z.prototype.params = function (level, strategy, cb) {
    // Go's encoders keep their level: the new one applies to the next stream
    this._opts.level = level;
    this._opts.strategy = strategy;
    if (cb) process.nextTick(cb);
  };
  Z.prototype.reset = function () {
    if (this._handle) this._handle.close();
    this._handle = binding.stream(mode, levelOf(mode, this._opts), this._opts.dictionary === undefined ? undefined : toBuf(this._opts.dictionary));
  };
  Z.prototype.close = function (cb) { if (cb) this.once('close', cb); this.destroy(); };
  Z.prototype._destroy = function (err, cb) { if (this._handle) this._handle.close(); cb(err); };
  return Z;
}
exports.crc32 = function crc32(data, value = 0) {
  return binding.crc32(typeof data === 'string' ? Buffer.from(data) : toBuf(data), value);
};
exports.constants = constants;
exports.codes = { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  0: 'Z_OK', 1: 'Z_STREAM_END', 2: 'Z_NEED_DICT', '-1': 'Z_ERRNO', '-2': 'Z_STREAM_ERROR', '-3': 'Z_DATA_ERROR', '-4': 'Z_MEM_ERROR', '-5': 'Z_BUF_ERROR', '-6': 'Z_VERSION_ERROR' };
for (const k of SafeIterable(ObjectKeys(constants))) if (MethodStartsWith(k, 'Z_') && !(k in exports)) ObjectDefineProperty(exports, k, { value: constants[k], enumerable: false });
