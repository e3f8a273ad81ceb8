'use strict';
// Node's crypto (the common calls) over the Go binding.
const { Buffer } = require('buffer');

function toBuf(data, enc, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, enc || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw internals.invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}
function out(ab, enc) {
  const b = Buffer.from(ab);
  return enc && enc !== 'buffer' ? b.toString(enc) : b;
}
const kState = Symbol('kState');

function Hash(algorithm, options, key) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  if (typeof algorithm !== 'string') throw internals.invalidArgType('algorithm', 'of type string', algorithm);
  const h = key === undefined ? binding.newHash(algorithm) : binding.newHmac(algorithm, key);
  if (h === null) {
    if (key !== undefined) throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
    const e = new Error('Digest method not supported');
    throw e;
  }
  this[kState] = { h, done: false, hmac: key !== undefined, alg: algorithm };
  lazyTransform(this, options);
}
function lazyTransform(self, options) {
  // a Hash is a stream (hash.write/end/read, pipe); made on first use
  Object.defineProperty(self, '_options', { value: options, writable: true, enumerable: false, configurable: true });
}
Hash.prototype.update = function (data, encoding) {
  const s = this[kState];
  if (s.done) throw internals.newError('Error', s.hmac ? 'ERR_CRYPTO_HASH_FINALIZED' : 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  s.h.update(toBuf(data, encoding));
  return this;
};
Hash.prototype.digest = function (encoding) {
  const s = this[kState];
  if (s.done) {
    if (s.hmac) return out(new ArrayBuffer(0), encoding);
    throw internals.newError('Error', 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  }
  s.done = true;
  return out(s.h.digest(), encoding);
};
Hash.prototype.copy = function (options) {
  const s = this[kState];
  if (s.done) throw internals.newError('Error', 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  const c = Object.create(Hash.prototype);
  const h = s.h.copy();
  if (h === null) throw internals.newError('Error', 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  c[kState] = { h, done: false, hmac: s.hmac, alg: s.alg };
  lazyTransform(c, options);
  return c;
};
// stream face: write/end feed the hash, the digest is the readable side
Hash.prototype.write = function (...a) { return streamOf(this).write(...a); };
Hash.prototype.end = function (...a) { streamOf(this).end(...a); return this; };
Hash.prototype.on = function (...a) { streamOf(this).on(...a); return this; };
Hash.prototype.once = function (...a) { streamOf(this).once(...a); return this; };
Hash.prototype.pipe = function (...a) { return streamOf(this).pipe(...a); };
Hash.prototype.read = function (...a) { return streamOf(this).read(...a); };
Hash.prototype.setEncoding = function (...a) { streamOf(this).setEncoding(...a); return this; };
function streamOf(self) {
  if (self._stream) return self._stream;
  const hash = self;
  const t = new (require('stream').Transform)({
    transform(chunk, enc, cb) { hash.update(chunk, enc); cb(); },
    flush(cb) { this.push(hash.digest()); cb(); },
  });
  Object.defineProperty(self, '_stream', { value: t, enumerable: false });
  return t;
}
function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  if (typeof hmac !== 'string') throw internals.invalidArgType('hmac', 'of type string', hmac);
  if (key === null || key === undefined || (typeof key !== 'string' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer) && !(key && key.type === 'secret'))) {
    throw internals.invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
  }
  const k = key && key.type === 'secret' ? key.export() : toBuf(key, options && options.encoding, 'key');
  Hash.call(this, hmac, options, k);
}
Object.setPrototypeOf(Hmac.prototype, Hash.prototype);

exports.Hash = Hash;
exports.Hmac = Hmac;
exports.createHash = (algorithm, options) => new Hash(algorithm, options);
exports.createHmac = (hmac, key, options) => new Hmac(hmac, key, options);
exports.hash = (algorithm, data, outputEncoding = 'hex') => new Hash(algorithm).update(data).digest(outputEncoding);
exports.getHashes = () => binding.hashes();
exports.getCiphers = () => [];
exports.getCurves = () => [];

const MAX_SIZE = 2147483647;
function checkSize(size) {
  if (typeof size !== 'number') throw internals.invalidArgType('size', 'of type number', size);
  if (!(size >= 0 && size <= MAX_SIZE) || !Number.isInteger(Math.floor(size)) || Number.isNaN(size)) {
    throw internals.outOfRange('size', `>= 0 && <= ${MAX_SIZE}`, size);
  }
}
exports.randomBytes = function randomBytes(size, cb) {
  checkSize(size);
  if (cb !== undefined && typeof cb !== 'function') throw internals.invalidArgType('callback', 'of type function', cb);
  const b = Buffer.alloc(size);
  binding.fillRandom(b);
  if (cb) { setImmediate(cb, null, b); return; }
  return b;
};
exports.pseudoRandomBytes = exports.randomBytes;
exports.prng = exports.randomBytes;
exports.rng = exports.randomBytes;
exports.randomFillSync = function randomFillSync(buf, offset = 0, size) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) throw internals.invalidArgType('buf', 'an instance of ArrayBuffer or ArrayBufferView', buf);
  const u8 = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (size === undefined) size = u8.length - offset;
  binding.fillRandom(u8.subarray(offset, offset + size));
  return buf;
};
exports.randomFill = function randomFill(buf, offset, size, cb) {
  if (typeof offset === 'function') { cb = offset; offset = 0; size = undefined; }
  else if (typeof size === 'function') { cb = size; size = undefined; }
  exports.randomFillSync(buf, offset, size);
  setImmediate(cb, null, buf);
};
exports.randomUUID = function randomUUID(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) throw internals.invalidArgType('options', 'of type object', options);
  return binding.randomUUID();
};
exports.randomInt = function randomInt(min, max, cb) {
  if (typeof max === 'undefined' || typeof max === 'function') { cb = max; max = min; min = 0; }
  if (!Number.isSafeInteger(min)) throw internals.invalidArgType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw internals.invalidArgType('max', 'a safe integer', max);
  if (max <= min) throw internals.outOfRange('max', `greater than the value of "min" (${min})`, max);
  const range = max - min;
  const b = Buffer.alloc(6);
  const limit = 2 ** 48 - (2 ** 48 % range);
  let x;
  do { binding.fillRandom(b); x = b.readUIntBE(0, 6); } while (x >= limit);
  const r = min + (x % range);
  if (typeof cb === 'function') { setImmediate(cb, null, r); return; }
  return r;
};
exports.timingSafeEqual = function timingSafeEqual(a, b) {
  if (!ArrayBuffer.isView(a) && !(a instanceof ArrayBuffer)) throw internals.invalidArgType('buf1', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a);
  if (!ArrayBuffer.isView(b) && !(b instanceof ArrayBuffer)) throw internals.invalidArgType('buf2', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', b);
  const ua = toBuf(a), ub = toBuf(b);
  if (ua.byteLength !== ub.byteLength) throw internals.newError('RangeError', 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  return binding.timingSafeEqual(ua, ub);
};
exports.pbkdf2Sync = function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  if (typeof digest !== 'string') throw internals.invalidArgType('digest', 'of type string', digest);
  const r = binding.pbkdf2(toBuf(password, 'utf8', 'password'), toBuf(salt, 'utf8', 'salt'), iterations, keylen, digest);
  if (r === null) throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
  return Buffer.from(r);
};
exports.pbkdf2 = function pbkdf2(password, salt, iterations, keylen, digest, cb) {
  if (typeof cb !== 'function') throw internals.invalidArgType('callback', 'of type function', cb);
  let r, err = null;
  try { r = exports.pbkdf2Sync(password, salt, iterations, keylen, digest); } catch (e) { err = e; }
  setImmediate(() => (err ? cb(err) : cb(null, r)));
};
exports.createSecretKey = function createSecretKey(key, encoding) {
  const k = Buffer.from(toBuf(key, encoding, 'key'));
  return { type: 'secret', symmetricKeySize: k.length, export: () => Buffer.from(k) };
};
const unsupported = (name) => function () {
  throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `crypto.${name} is not available in jsvm`);
};
for (const n of ['createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'generateKeyPairSync', 'generateKeyPair',
  'createPublicKey', 'createPrivateKey', 'publicEncrypt', 'privateDecrypt', 'scryptSync', 'scrypt', 'createECDH', 'createDiffieHellman',
  'sign', 'verify', 'hkdfSync', 'hkdf']) exports[n] = unsupported(n);

// webcrypto: getRandomValues, randomUUID and subtle.digest
function domError(name, code, msg) {
  const e = new Error(msg);
  e.name = name;
  Object.defineProperty(e, 'code', { value: code, enumerable: false });
  return e;
}
function getRandomValues(data) {
  const ok = data instanceof Int8Array || data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Int16Array ||
    data instanceof Uint16Array || data instanceof Int32Array || data instanceof Uint32Array ||
    (typeof BigInt64Array !== 'undefined' && (data instanceof BigInt64Array || data instanceof BigUint64Array));
  if (!ok) throw domError('TypeMismatchError', 17, 'The data argument must be an integer-type TypedArray');
  if (data.byteLength > 65536) throw domError('QuotaExceededError', 22, 'The requested length exceeds 65,536 bytes');
  binding.fillRandom(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return data;
}
const digestNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const subtle = {
  digest(algorithm, data) {
    return new Promise((resolve, reject) => {
      const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
      const alg = digestNames[String(name).toUpperCase()];
      if (!alg) { reject(domError('NotSupportedError', 9, 'Unrecognized algorithm name')); return; }
      let bytes;
      try { bytes = toBuf(data, undefined, 'data'); } catch (e) { reject(e); return; }
      const h = binding.newHash(alg);
      h.update(bytes);
      const d = h.digest();
      setImmediate(resolve, d); // Node computes on its thread pool: a later turn

    });
  },
};
for (const n of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) {
  subtle[n] = () => Promise.reject(domError('NotSupportedError', 9, `subtle.${n} is not available in jsvm`));
}
class Crypto {
  get subtle() { return subtle; }
  getRandomValues(data) { return getRandomValues(data); }
  randomUUID() { return binding.randomUUID(); }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
const webcrypto = new Crypto();
exports.webcrypto = webcrypto;
exports.subtle = subtle;
exports.getRandomValues = (data) => getRandomValues(data);
exports.constants = {};
