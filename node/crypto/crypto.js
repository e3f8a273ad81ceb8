'use strict';
// Node's crypto (the common calls) over the Go binding.
const { Buffer } = require('buffer');

function toBuf(data, enc, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, enc || 'utf8');
  if (ArrayBufferIsView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw internals.invalidArgType(name, name === 'data' ? 'of type string or an instance of Buffer, TypedArray, or DataView' : 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', data);
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
  ObjectDefineProperty(self, '_options', { value: options, writable: true, enumerable: false, configurable: true });
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
  const c = ObjectCreate(Hash.prototype);
  const h = s.h.copy();
  if (h === null) throw internals.newError('Error', 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  c[kState] = { h, done: false, hmac: s.hmac, alg: s.alg };
  lazyTransform(c, options);
  return c;
};
// stream face: write/end feed the hash, the digest is the readable side
Hash.prototype.write = function (...a) { return streamOf(this).write(...SafeIterable(a)); };
Hash.prototype.end = function (...a) { streamOf(this).end(...SafeIterable(a)); return this; };
Hash.prototype.on = function (...a) { streamOf(this).on(...SafeIterable(a)); return this; };
Hash.prototype.once = function (...a) { streamOf(this).once(...SafeIterable(a)); return this; };
Hash.prototype.pipe = function (...a) { return streamOf(this).pipe(...SafeIterable(a)); };
Hash.prototype.read = function (...a) { return streamOf(this).read(...SafeIterable(a)); };
Hash.prototype.setEncoding = function (...a) { streamOf(this).setEncoding(...SafeIterable(a)); return this; };
function streamOf(self) {
  if (self._stream) return self._stream;
  const hash = self;
  const t = new (require('stream').Transform)({
    transform(chunk, enc, cb) { hash.update(chunk, enc); cb(); },
    flush(cb) { this.push(hash.digest()); cb(); },
  });
  ObjectDefineProperty(self, '_stream', { value: t, enumerable: false });
  return t;
}
function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  if (typeof hmac !== 'string') throw internals.invalidArgType('hmac', 'of type string', hmac);
  if (key === null || key === undefined || (typeof key !== 'string' && !ArrayBufferIsView(key) && !(key instanceof ArrayBuffer) && !(key && key.type === 'secret'))) {
    throw internals.invalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
  }
  const k = key && key.type === 'secret' ? key.export() : toBuf(key, options && options.encoding, 'key');
  FunctionPrototypeCall(Hash, this, hmac, options, k);
}
ObjectSetPrototypeOf(Hmac.prototype, Hash.prototype);

exports.Hash = Hash;
exports.Hmac = Hmac;
exports.createHash = (algorithm, options) => new Hash(algorithm, options);
exports.createHmac = (hmac, key, options) => new Hmac(hmac, key, options);
exports.hash = (algorithm, data, outputEncoding = 'hex') => new Hash(algorithm).update(data).digest(outputEncoding);
exports.getHashes = () => binding.hashes();
exports.getCurves = () => ['prime256v1', 'secp224r1', 'secp384r1', 'secp521r1'];

const MAX_SIZE = 2147483647;
function checkSize(size) {
  if (typeof size !== 'number') throw internals.invalidArgType('size', 'of type number', size);
  if (!(size >= 0 && size <= MAX_SIZE) || !NumberIsInteger(MathFloor(size)) || NumberIsNaN(size)) {
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
  if (!ArrayBufferIsView(buf) && !(buf instanceof ArrayBuffer)) throw internals.invalidArgType('buf', 'an instance of ArrayBuffer or ArrayBufferView', buf);
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
  if (!NumberIsSafeInteger(min)) throw internals.invalidArgType('min', 'a safe integer', min);
  if (!NumberIsSafeInteger(max)) throw internals.invalidArgType('max', 'a safe integer', max);
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
  if (!ArrayBufferIsView(a) && !(a instanceof ArrayBuffer)) throw internals.invalidArgType('buf1', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a);
  if (!ArrayBufferIsView(b) && !(b instanceof ArrayBuffer)) throw internals.invalidArgType('buf2', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', b);
  const ua = toBuf(a), ub = toBuf(b);
  if (ua.byteLength !== ub.byteLength) throw internals.newError('RangeError', 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  return binding.timingSafeEqual(ua, ub);
};
exports.pbkdf2Sync = function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  password = toBuf(password, 'utf8', 'password');
  salt = toBuf(salt, 'utf8', 'salt');
  checkInt('iterations', iterations, 1, MAX_SIZE);
  checkInt('keylen', keylen, 0, MAX_SIZE);
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
function checkInt(name, v, min, max) {
  if (typeof v !== 'number') throw internals.invalidArgType(name, 'of type number', v);
  if (!NumberIsInteger(v)) throw internals.outOfRange(name, 'an integer', v);
  if (v < min || v > max) throw internals.outOfRange(name, `>= ${min} && <= ${max}`, v);
}
const bufTypes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
const keyTypes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey';
const isBufferish = (v) => ArrayBufferIsView(v) || v instanceof ArrayBuffer;
const invalidState = (op) => internals.newError('Error', 'ERR_CRYPTO_INVALID_STATE', op ? `Invalid state for operation ${op}` : 'Invalid state');

// ---- KeyObject
const kHandle = binding.kHandle;
const kKeyType = Symbol('kKeyType');
class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw internals.invalidArgValue('type', type, 'is invalid');
    if (typeof handle !== 'object' || handle === null) throw internals.invalidArgType('handle', 'of type object', handle);
    this[kKeyType] = type;
    ObjectDefineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }
  get type() { return this[kKeyType]; }
  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw internals.invalidArgType('otherKeyObject', 'an instance of KeyObject', otherKeyObject);
    return otherKeyObject.type === this.type && binding.keyEquals(this[kHandle], otherKeyObject[kHandle]);
  }
}
ObjectDefineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });
class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }
  get symmetricKeySize() { return binding.keyInfo(this[kHandle]).size; }
  export(options) {
    if (options !== undefined && (options === null || typeof options !== 'object')) throw internals.invalidArgType('options', 'of type object', options);
    if (options && options.format === 'jwk') return binding.exportJWK(this[kHandle]);
    return Buffer.from(binding.exportKey(this[kHandle], '', ''));
  }
}
class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() { return binding.keyInfo(this[kHandle]).asymmetricKeyType; }
  get asymmetricKeyDetails() { return { ...binding.keyInfo(this[kHandle]).details }; }
}
function exportAsymmetric(self, options, types) {
  if (options === null || typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
  const { format = 'pem', type } = options;
  if (format === 'jwk') return binding.exportJWK(self[kHandle]);
  if (format !== 'pem' && format !== 'der') throw internals.invalidArgValue('options.format', format, 'is invalid');
  if (!MethodIncludes(types, type)) throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', `The property 'options.type' is invalid. Received ${internals.inspect(type)}`);
  if (options.cipher !== undefined || options.passphrase !== undefined) {
    throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'Encrypted key export is not available in jsvm');
  }
  const out = binding.exportKey(self[kHandle], type, format);
  return typeof out === 'string' ? out : Buffer.from(out);
}
class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) { return exportAsymmetric(this, options, ['spki', 'pkcs1']); }
}
class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) { return exportAsymmetric(this, options, ['pkcs8', 'pkcs1', 'sec1']); }
}
const wrapKey = (type, h) => (type === 'secret' ? new SecretKeyObject(h) : type === 'public' ? new PublicKeyObject(h) : new PrivateKeyObject(h));

// keyHandle reads a key argument as Node's prepareAsymmetricKey: a
// KeyObject, PEM text or bytes, or { key, format, type, encoding }.
function keyHandle(key, wantPrivate, name = 'key') {
  if (key instanceof KeyObject) {
    if (key.type === 'secret' || (wantPrivate && key.type !== 'private')) {
      throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected ${wantPrivate ? 'private' : 'public'}.`);
    }
    return key.type === 'private' && !wantPrivate ? binding.publicOf(key[kHandle]) : key[kHandle];
  }
  if (typeof key === 'string' || isBufferish(key)) return binding.parseKey(toBuf(key, 'utf8', name), 'pem', '', wantPrivate);
  if (key !== null && typeof key === 'object') {
    const { key: data, format = 'pem', type, encoding } = key;
    if (data instanceof KeyObject) return keyHandle(data, wantPrivate, name);
    if (format === 'jwk') {
      if (data === null || typeof data !== 'object') throw internals.invalidArgType('key.key', 'of type object', data);
      const j = {};
      for (const k of SafeIterable(['kty', 'crv', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y'])) if (typeof data[k] === 'string') j[k] = data[k];
      return binding.parseJWK(j, wantPrivate);
    }
    if (typeof data !== 'string' && !isBufferish(data)) throw internals.invalidArgType('key.key', bufTypes, data);
    if (format !== 'pem' && format !== 'der') throw internals.invalidArgValue('key.format', format, 'is invalid');
    if (format === 'der' && !MethodIncludes(['pkcs1', 'pkcs8', 'sec1', 'spki'], type)) {
      throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', `The property 'options.type' is invalid. Received ${internals.inspect(type)}`);
    }
    return binding.parseKey(toBuf(data, encoding || 'utf8', name), format, type || '', wantPrivate);
  }
  throw internals.invalidArgType(name, keyTypes, key);
}
function secretBytes(key, encoding, name = 'key') {
  if (key instanceof KeyObject) {
    if (key.type !== 'secret') throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
    return new Uint8Array(binding.exportKey(key[kHandle], '', ''));
  }
  if (typeof key === 'string') return Buffer.from(key, encoding || 'utf8');
  if (isBufferish(key)) return toBuf(key);
  throw internals.invalidArgType(name, keyTypes, key);
}
exports.KeyObject = KeyObject;
exports.createSecretKey = function createSecretKey(key, encoding) {
  if (typeof key !== 'string' && !isBufferish(key)) throw internals.invalidArgType('key', bufTypes, key);
  return new SecretKeyObject(binding.secretKey(secretBytes(key, encoding)));
};
exports.createPublicKey = function createPublicKey(key) { return new PublicKeyObject(keyHandle(key, false)); };
exports.createPrivateKey = function createPrivateKey(key) { return new PrivateKeyObject(keyHandle(key, true)); };

// ---- generateKeyPair
function encodeKey(ko, enc, kind) {
  if (enc === undefined) return ko;
  if (enc === null || typeof enc !== 'object') throw internals.invalidArgType(`options.${kind}KeyEncoding`, 'of type object', enc);
  return ko.export(enc);
}
function generateKeyPairSync(type, options) {
  if (typeof type !== 'string') throw internals.invalidArgType('type', 'of type string', type);
  if (options !== undefined && (options === null || typeof options !== 'object')) throw internals.invalidArgType('options', 'of type object', options);
  const o = options || {};
  let h;
  switch (type) {
    case 'rsa': {
      if (typeof o.modulusLength !== 'number') throw internals.invalidArgType('options.modulusLength', 'of type number', o.modulusLength);
      checkInt('options.modulusLength', o.modulusLength, 0, 4294967295);
      if (o.modulusLength < 512) throw new Error('error:1C8000AB:Provider routines::key size too small');
      if (o.publicExponent !== undefined) {
        if (typeof o.publicExponent !== 'number') throw internals.invalidArgType('options.publicExponent', 'of type number', o.publicExponent);
        if (o.publicExponent !== 65537) throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'jsvm generates RSA keys with publicExponent 65537 only');
      }
      h = binding.generate('rsa', o.modulusLength, '');
      break;
    }
    case 'ec':
      if (typeof o.namedCurve !== 'string') throw internals.invalidArgType('options.namedCurve', 'of type string', o.namedCurve);
      if (!MethodIncludes(['prime256v1', 'P-256', 'secp256r1', 'secp384r1', 'P-384', 'secp521r1', 'P-521', 'secp224r1', 'P-224'], o.namedCurve)) {
        throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
      }
      h = binding.generate('ec', 0, o.namedCurve);
      break;
    case 'ed25519':
      h = binding.generate('ed25519', 0, '');
      break;
    case 'rsa-pss': case 'dsa': case 'ed448': case 'x25519': case 'x448': case 'dh':
      throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `${type} keys are not available in jsvm`);
    default:
      throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', `The argument 'type' must be a supported key type. Received ${internals.inspect(type)}`);
  }
  const priv = new PrivateKeyObject(h);
  const pub = new PublicKeyObject(binding.publicOf(h));
  return { publicKey: encodeKey(pub, o.publicKeyEncoding, 'public'), privateKey: encodeKey(priv, o.privateKeyEncoding, 'private') };
}
exports.generateKeyPairSync = generateKeyPairSync;
exports.generateKeyPair = function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  if (typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  const r = generateKeyPairSync(type, options);
  setImmediate(callback, null, r.publicKey, r.privateKey);
};
exports.generateKeySync = function generateKeySync(type, options) {
  if (type !== 'hmac' && type !== 'aes') throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', `The argument 'type' must be a supported key type. Received ${internals.inspect(type)}`);
  if (options === null || typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
  const { length } = options;
  checkInt('options.length', length, type === 'aes' ? 128 : 8, type === 'aes' ? 256 : 2 ** 31 - 1);
  return exports.createSecretKey(exports.randomBytes(length >>> 3));
};

// ---- sign / verify
const signHash = (algorithm) => (algorithm === null || algorithm === undefined ? 'sha256' : algorithm);
function signOptions(key) {
  if (key === null || typeof key !== 'object' || key instanceof KeyObject || isBufferish(key)) return {};
  const o = {};
  if (key.padding !== undefined) o.padding = key.padding;
  if (key.saltLength !== undefined) o.saltLength = key.saltLength;
  if (key.dsaEncoding !== undefined) {
    if (key.dsaEncoding !== 'der' && key.dsaEncoding !== 'ieee-p1363') throw internals.invalidArgValue('options.dsaEncoding', key.dsaEncoding, 'is invalid');
    o.dsaEncoding = key.dsaEncoding;
  }
  return o;
}
function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initSign(this, algorithm, options);
}
function initSign(self, algorithm, options) {
  if (typeof algorithm !== 'string') throw internals.invalidArgType('algorithm', 'of type string', algorithm);
  if (binding.hashSize(algorithm) < 0) throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
  self[kState] = { alg: algorithm, chunks: [] };
  lazyTransform(self, options);
}
Sign.prototype.update = function update(data, encoding) {
  if (typeof data !== 'string' && !ArrayBufferIsView(data)) throw internals.invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  MethodPush(this[kState].chunks, Buffer.from(toBuf(data, encoding)));
  return this;
};
Sign.prototype.sign = function sign(privateKey, encoding) {
  if (privateKey === undefined || privateKey === null) throw internals.newError('Error', 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const h = keyHandle(privateKey, true, 'privateKey');
  const sig = Buffer.from(binding.sign(this[kState].alg, MethodConcat(Buffer, this[kState].chunks), h, signOptions(privateKey)));
  return encoding && encoding !== 'buffer' ? sig.toString(encoding) : sig;
};
function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initSign(this, algorithm, options);
}
Verify.prototype.update = Sign.prototype.update;
Verify.prototype.verify = function verify(object, signature, sigEncoding) {
  const h = keyHandle(object, false, 'key');
  if (typeof signature === 'string') signature = Buffer.from(signature, sigEncoding || 'utf8');
  else if (!isBufferish(signature)) throw internals.invalidArgType('signature', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', signature);
  return binding.verify(this[kState].alg, MethodConcat(Buffer, this[kState].chunks), h, toBuf(signature), signOptions(object));
};
for (const C of SafeIterable([Sign, Verify])) {
  for (const m of SafeIterable(['write', 'end', 'on', 'once', 'pipe'])) {
    C.prototype[m] = function (...a) {
      if (m === 'write') { this.update(a[0], typeof a[1] === 'string' ? a[1] : undefined); if (typeof a[a.length - 1] === 'function') a[a.length - 1](); return true; }
      if (m === 'end') { if (a[0] !== undefined && typeof a[0] !== 'function') this.update(a[0], typeof a[1] === 'string' ? a[1] : undefined); return this; }
      return this;
    };
  }
}
exports.Sign = Sign;
exports.Verify = Verify;
exports.createSign = (algorithm, options) => new Sign(algorithm, options);
exports.createVerify = (algorithm, options) => new Verify(algorithm, options);
function checkData(data) {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (!ArrayBufferIsView(data)) throw internals.invalidArgType('data', 'an instance of Buffer, TypedArray, or DataView', data);
  return toBuf(data);
}
exports.sign = function sign(algorithm, data, key, callback) {
  if (algorithm !== null && algorithm !== undefined && typeof algorithm !== 'string') throw internals.invalidArgType('algorithm', 'of type string', algorithm);
  data = checkData(data);
  if (callback !== undefined && typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  const h = keyHandle(key, true, 'key');
  const sig = Buffer.from(binding.sign(signHash(algorithm), data, h, signOptions(key)));
  if (callback) { setImmediate(callback, null, sig); return; }
  return sig;
};
exports.verify = function verify(algorithm, data, key, signature, callback) {
  if (algorithm !== null && algorithm !== undefined && typeof algorithm !== 'string') throw internals.invalidArgType('algorithm', 'of type string', algorithm);
  data = checkData(data);
  if (!ArrayBufferIsView(signature)) throw internals.invalidArgType('signature', 'an instance of Buffer, TypedArray, or DataView', signature);
  if (callback !== undefined && typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  const h = keyHandle(key, false, 'key');
  const ok = binding.verify(signHash(algorithm), data, h, toBuf(signature), signOptions(key));
  if (callback) { setImmediate(callback, null, ok); return; }
  return ok;
};
function rsaCrypt(decrypt, key, buffer, defaultPadding) {
  const h = keyHandle(key, decrypt, 'key');
  if (!isBufferish(buffer) && typeof buffer !== 'string') throw internals.invalidArgType('buffer', bufTypes, buffer);
  const o = key !== null && typeof key === 'object' && !(key instanceof KeyObject) && !isBufferish(key) ? key : {};
  const padding = o.padding === undefined ? defaultPadding : o.padding;
  if (decrypt && padding === 1) {
    // Node 20 refuses it (Marvin attack, CVE-2023-46809)
    throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', 'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809');
  }
  return Buffer.from(binding.rsaCrypt(decrypt, h, toBuf(buffer), padding, o.oaepHash || '', o.oaepLabel));
}
exports.publicEncrypt = (key, buffer) => rsaCrypt(false, key, buffer, 4);
exports.privateDecrypt = (key, buffer) => rsaCrypt(true, key, buffer, 4);

// ---- ciphers
const kCipher = Symbol('kCipher');
const gcmTagLengths = [4, 8, 12, 13, 14, 15, 16];
function Cipheriv(cipher, key, iv, options, decipher) {
  if (typeof cipher !== 'string') throw internals.invalidArgType('cipher', 'of type string', cipher);
  const keyBytes = secretBytes(key, options && options.encoding);
  let ivBytes = null;
  if (iv !== null) {
    if (typeof iv !== 'string' && !isBufferish(iv)) throw internals.invalidArgType('iv', bufTypes, iv);
    ivBytes = toBuf(iv, options && options.encoding, 'iv');
  }
  const info = binding.cipherInfo(cipher);
  if (info === null) throw internals.newError('Error', 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  if (keyBytes.byteLength !== info.keyLength) throw internals.newError('RangeError', 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  const ivLen = ivBytes === null ? 0 : ivBytes.byteLength;
  if ((info.ivLength === -1 && ivLen === 0) || (info.ivLength >= 0 && ivLen !== info.ivLength) || (ivBytes === null && info.ivLength !== 0)) {
    throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
  }
  let tagLen = 16;
  if (options !== undefined && options !== null && options.authTagLength !== undefined) {
    checkInt('options.authTagLength', options.authTagLength, 0, MAX_SIZE);
    tagLen = options.authTagLength;
    if ((info.mode === 'gcm' && !MethodIncludes(gcmTagLengths, tagLen)) || (info.mode === 'chacha20-poly1305' && (tagLen < 1 || tagLen > 16))) {
      throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${tagLen}`);
    }
  }
  this[kCipher] = { c: binding.newCipher(cipher, keyBytes, ivBytes, decipher, tagLen), mode: info.mode, decipher, done: false, started: false, tagSet: false, decoder: null, enc: null };
  lazyTransform(this, options);
}
function cipherOut(s, ab, enc) {
  const b = Buffer.from(ab);
  if (!enc || enc === 'buffer') return b;
  if (s.enc !== null && s.enc !== enc) throw internals.newError('Error', 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding');
  if (s.decoder === null) { s.enc = enc; s.decoder = new (require('string_decoder').StringDecoder)(enc); }
  return s.decoder.write(b);
}
Cipheriv.prototype.update = function update(data, inputEncoding, outputEncoding) {
  const s = this[kCipher];
  if (typeof data === 'string') data = Buffer.from(data, inputEncoding || 'utf8');
  else if (!ArrayBufferIsView(data)) throw internals.invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  if (s.done) throw new Error('Trying to add data in unsupported state');
  s.started = true;
  return cipherOut(s, s.c.update(toBuf(data)), outputEncoding);
};
Cipheriv.prototype.final = function final(outputEncoding) {
  const s = this[kCipher];
  if (s.done) throw invalidState();
  s.done = true;
  const out = cipherOut(s, s.c.final(), outputEncoding);
  return typeof out === 'string' ? out + s.decoder.end() : out;
};
Cipheriv.prototype.setAutoPadding = function setAutoPadding(ap) {
  const s = this[kCipher];
  if (s.done) throw invalidState('setAutoPadding');
  s.c.setAutoPadding(ap === undefined ? true : !!ap);
  return this;
};
Cipheriv.prototype.setAAD = function setAAD(buffer, options) {
  const s = this[kCipher];
  if (!isBufferish(buffer)) throw internals.invalidArgType('buffer', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', buffer);
  if (s.done || !s.c.setAAD(toBuf(buffer))) throw invalidState('setAAD');
  return this;
};
function getAuthTag() {
  const s = this[kCipher];
  const t = s.decipher || !s.done ? null : s.c.getAuthTag();
  if (t === null) throw invalidState('getAuthTag');
  return Buffer.from(t);
}
function setAuthTag(tagbuf, encoding) {
  const s = this[kCipher];
  if (typeof tagbuf === 'string') tagbuf = Buffer.from(tagbuf, encoding || 'utf8');
  else if (!isBufferish(tagbuf)) throw internals.invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', tagbuf);
  if (!s.decipher || !s.c.aead || s.done || s.tagSet) throw invalidState('setAuthTag');
  const n = tagbuf.byteLength;
  if ((s.mode === 'gcm' && !MethodIncludes(gcmTagLengths, n)) || (s.mode === 'chacha20-poly1305' && (n < 1 || n > 16))) {
    throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${n}`);
  }
  s.tagSet = true;
  s.c.setAuthTag(toBuf(tagbuf));
  return this;
}
for (const m of SafeIterable(['write', 'end', 'on', 'once', 'pipe', 'read', 'setEncoding'])) Cipheriv.prototype[m] = Hash.prototype[m];
ObjectDefineProperty(Cipheriv.prototype, '_stream', {
  configurable: true,
  get() {
    const self = this;
    const t = new (require('stream').Transform)({
      transform(chunk, enc, cb) { let out; try { out = self.update(chunk, enc); } catch (e) { cb(e); return; } cb(null, out); },
      flush(cb) { let out; try { out = self.final(); } catch (e) { cb(e); return; } cb(null, out); },
    });
    ObjectDefineProperty(self, '_stream', { value: t, enumerable: false });
    return t;
  },
});
function Cipher(cipher, key, iv, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, key, iv, options);
  FunctionPrototypeCall(Cipheriv, this, cipher, key, iv, options, false);
}
ObjectSetPrototypeOf(Cipher.prototype, Cipheriv.prototype);
Cipher.prototype.getAuthTag = getAuthTag;
function Decipher(cipher, key, iv, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, key, iv, options);
  FunctionPrototypeCall(Cipheriv, this, cipher, key, iv, options, true);
}
ObjectSetPrototypeOf(Decipher.prototype, Cipheriv.prototype);
Decipher.prototype.setAuthTag = setAuthTag;
exports.Cipheriv = Cipher;
exports.Decipheriv = Decipher;
exports.createCipheriv = (cipher, key, iv, options) => new Cipher(cipher, key, iv, options);
exports.createDecipheriv = (cipher, key, iv, options) => new Decipher(cipher, key, iv, options);
exports.getCiphers = () => binding.ciphers();
exports.getCipherInfo = function getCipherInfo(nameOrNid) {
  if (typeof nameOrNid !== 'string') return undefined;
  const i = binding.cipherInfo(nameOrNid);
  if (i === null) return undefined;
  const r = { mode: i.mode === 'chacha20-poly1305' || i.mode === 'chacha20' ? 'stream' : i.mode, name: MethodToLowerCase(nameOrNid), keyLength: i.keyLength };
  if (i.ivLength > 0) r.ivLength = i.ivLength; else if (i.ivLength === -1) r.ivLength = 12;
  if (i.mode === 'cbc' || i.mode === 'ecb') r.blockSize = 16;
  return r;
};

// ---- scrypt, hkdf
function scryptParams(options) {
  let N = 16384, r = 8, p = 1, maxmem = 32 << 20;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
    const pick = (a, b, def) => {
      if (options[a] !== undefined && options[b] !== undefined) throw internals.newError('Error', 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
      const v = options[a] !== undefined ? options[a] : options[b] !== undefined ? options[b] : def;
      checkInt(options[a] !== undefined ? a : b, v, 0, 2 ** 32 - 1);
      return v;
    };
    N = pick('N', 'cost', N);
    r = pick('r', 'blockSize', r);
    p = pick('p', 'parallelization', p);
    if (options.maxmem !== undefined) { checkInt('maxmem', options.maxmem, 0, Number.MAX_SAFE_INTEGER); maxmem = options.maxmem; }
  }
  if (N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1) throw internals.newError('RangeError', 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params');
  // OpenSSL's memory estimate: the B and V arrays
  if (128 * r * p + 128 * r * (N + 2) > maxmem) {
    throw internals.newError('RangeError', 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return { N, r, p };
}
exports.scryptSync = function scryptSync(password, salt, keylen, options) {
  password = toBuf(password, 'utf8', 'password');
  salt = toBuf(salt, 'utf8', 'salt');
  checkInt('keylen', keylen, 0, MAX_SIZE);
  const { N, r, p } = scryptParams(options);
  return Buffer.from(binding.scrypt(password, salt, N, r, p, keylen));
};
exports.scrypt = function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  if (typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  const key = exports.scryptSync(password, salt, keylen, options);
  setImmediate(callback, null, key);
};
function hkdfArgs(digest, ikm, salt, info, keylen) {
  if (typeof digest !== 'string') throw internals.invalidArgType('digest', 'of type string', digest);
  const k = secretBytes(ikm, 'utf8', 'ikm');
  const s = toBuf(salt, 'utf8', 'salt');
  const i = toBuf(info, 'utf8', 'info');
  checkInt('length', keylen, 0, 4294967296);
  if (i.byteLength > 1024) throw internals.outOfRange('info', 'must not contain more than 1024 bytes', i.byteLength);
  const size = binding.hashSize(digest);
  if (size < 0) throw internals.newError('TypeError', 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
  if (keylen > 255 * size) throw internals.newError('RangeError', 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  return [k, s, i];
}
exports.hkdfSync = function hkdfSync(digest, ikm, salt, info, keylen) {
  const [k, s, i] = SafeIterable(hkdfArgs(digest, ikm, salt, info, keylen));
  return binding.hkdf(digest, k, s, i, keylen);
};
exports.hkdf = function hkdf(digest, ikm, salt, info, keylen, callback) {
  const [k, s, i] = SafeIterable(hkdfArgs(digest, ikm, salt, info, keylen));
  if (typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  const r = binding.hkdf(digest, k, s, i, keylen);
  setImmediate(callback, null, r);
};
const unsupported = (name) => function () {
  throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `crypto.${name} is not available in jsvm`);
};
for (const n of SafeIterable(['createECDH', 'createDiffieHellman', 'getDiffieHellman', 'diffieHellman', 'privateEncrypt', 'publicDecrypt', 'createCipher', 'createDecipher'])) exports[n] = unsupported(n);
exports.constants = {
  RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
};

// webcrypto: getRandomValues, randomUUID and subtle.digest
function domError(name, code, msg) {
  const e = new Error(msg);
  e.name = name;
  ObjectDefineProperty(e, 'code', { value: code, enumerable: false });
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
      const alg = digestNames[MethodToUpperCase(String(name))];
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
for (const n of SafeIterable(['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey'])) {
  subtle[n] = () => PromiseReject(domError('NotSupportedError', 9, `subtle.${n} is not available in jsvm`));
}
class Crypto {
  get subtle() { return subtle; }
  getRandomValues(data) { return getRandomValues(data); }
  randomUUID() { return binding.randomUUID(); }
}
ObjectDefineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
const webcrypto = new Crypto();
exports.webcrypto = webcrypto;
exports.subtle = subtle;
exports.getRandomValues = (data) => getRandomValues(data);
