'use strict';
// zlib's sync, callback and stream forms over the Go binding. Streams
// collect their input and emit the result at the end (no incremental
// output).
const { Buffer } = require('buffer');
const constants = binding.constants;
constants.Z_MAX_CHUNK = Infinity;

function toBuf(data) {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw internals.invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', data);
}
function levelOf(mode, opts) {
  if (mode.startsWith('brotli')) {
    const p = opts && opts.params;
    return p && p[constants.BROTLI_PARAM_QUALITY] !== undefined ? p[constants.BROTLI_PARAM_QUALITY] : -1;
  }
  return opts && opts.level !== undefined ? opts.level : -1;
}
function run(mode, data, opts) {
  const r = Buffer.from(binding.process(mode, toBuf(data), levelOf(mode, opts), 15));
  if (opts && opts.info) return { buffer: r, engine: {} };
  return r;
}
const modes = ['deflate', 'inflate', 'gzip', 'gunzip', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress'];
const classNames = { deflate: 'Deflate', inflate: 'Inflate', gzip: 'Gzip', gunzip: 'Gunzip', deflateRaw: 'DeflateRaw',
  inflateRaw: 'InflateRaw', unzip: 'Unzip', brotliCompress: 'BrotliCompress', brotliDecompress: 'BrotliDecompress' };
for (const mode of modes) {
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
function makeClass(mode, name) {
  const { Transform } = require('stream');
  function Z(opts) {
    if (!(this instanceof Z)) return new Z(opts);
    Transform.call(this, opts);
    this._opts = opts || {};
    this._chunks = [];
    this.bytesWritten = 0;
    this._handle = {};
  }
  Object.defineProperty(Z, 'name', { value: name });
  Object.setPrototypeOf(Z.prototype, Transform.prototype);
  Object.setPrototypeOf(Z, Transform);
  Z.prototype._transform = function (chunk, enc, cb) { this._chunks.push(Buffer.from(chunk)); this.bytesWritten += chunk.length; cb(); };
  Z.prototype._flush = function (cb) {
    let r;
    try { r = run(mode, Buffer.concat(this._chunks), this._opts); } catch (e) { cb(e); return; }
    this._chunks = [];
    cb(null, r);
  };
  Z.prototype.flush = function (kind, cb) { if (typeof kind === 'function') cb = kind; if (cb) process.nextTick(cb); };
  Z.prototype.params = function (level, strategy, cb) { this._opts.level = level; if (cb) process.nextTick(cb); };
  Z.prototype.reset = function () { this._chunks = []; };
  Z.prototype.close = function (cb) { if (cb) this.once('close', cb); this.destroy(); };
  return Z;
}
exports.crc32 = function crc32(data, value = 0) {
  return binding.crc32(typeof data === 'string' ? Buffer.from(data) : toBuf(data), value);
};
exports.constants = constants;
exports.codes = { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  0: 'Z_OK', 1: 'Z_STREAM_END', 2: 'Z_NEED_DICT', '-1': 'Z_ERRNO', '-2': 'Z_STREAM_ERROR', '-3': 'Z_DATA_ERROR', '-4': 'Z_MEM_ERROR', '-5': 'Z_BUF_ERROR', '-6': 'Z_VERSION_ERROR' };
for (const k of Object.keys(constants)) if (k.startsWith('Z_') && !(k in exports)) Object.defineProperty(exports, k, { value: constants[k], enumerable: false });
