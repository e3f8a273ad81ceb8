'use strict';
// Node's StringDecoder: decodes Buffers to strings without splitting a
// multi-byte character (utf8, utf16le) or a base64 quantum across writes.
const { Buffer } = require('buffer');

function normalizeEncoding(enc) {
  const e = enc === undefined || enc === null ? 'utf8' : MethodToLowerCase(String(enc));
  switch (e) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'ascii': case 'hex': return e;
  }
  if (enc !== undefined && enc !== null && Buffer.isEncoding(enc)) return Buffer.from('', enc) && e;
  throw internals.newError('TypeError', 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
}

function utf8Need(b) {
  // bytes a lead byte announces (0: continuation / invalid)
  if (b <= 0x7f) return 1;
  if (b >> 5 === 0x06) return 2;
  if (b >> 4 === 0x0e) return 3;
  if (b >> 3 === 0x1e) return 4;
  return 0;
}

function StringDecoder(encoding) {
  if (!(this instanceof StringDecoder)) return new StringDecoder(encoding);
  this.encoding = normalizeEncoding(encoding);
  this.pending = Buffer.alloc(0);
}

function toBuf(buf) {
  if (typeof buf === 'string') return null;
  if (!ArrayBufferIsView(buf)) throw internals.invalidArgType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

StringDecoder.prototype.write = function (buf) {
  if (typeof buf === 'string') return buf;
  let b = toBuf(buf);
  if (this.pending.length) b = MethodConcat(Buffer, [this.pending, b]);
  this.pending = Buffer.alloc(0);
  let keep = 0;
  const n = b.length;
  switch (this.encoding) {
    case 'utf8': {
      // an incomplete sequence at the end waits for the next write
      for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
        const need = utf8Need(b[i]);
        if (need === 0) continue;
        if (need > n - i) {
          // only if the bytes so far are valid continuations
          let ok = true;
          for (let j = i + 1; j < n; j++) if ((b[j] & 0xc0) !== 0x80) ok = false;
          if (ok && validStart(b, i, n)) keep = n - i;
        }
        break;
      }
      break;
    }
    case 'utf16le': {
      // an odd byte waits; with an even length, so does a high surrogate
      keep = n % 2;
      if (keep === 0 && n >= 2 && b[n - 1] >= 0xd8 && b[n - 1] <= 0xdb) keep = 2;
      break;
    }
    case 'base64': case 'base64url':
      keep = n % 3;
      break;
  }
  if (keep) { this.pending = Buffer.from(b.subarray(n - keep)); b = b.subarray(0, n - keep); }
  return b.toString(this.encoding);
};

// a lead byte followed by too few bytes is held back only when those
// bytes could still complete a valid character (as V8's decoder).
function validStart(b, i, n) {
  const lead = b[i];
  if (n - i < 2) return lead !== 0xc0 && lead !== 0xc1 && lead < 0xf5;
  const second = b[i + 1];
  if (lead === 0xe0 && second < 0xa0) return false;
  if (lead === 0xed && second > 0x9f) return false;
  if (lead === 0xf0 && second < 0x90) return false;
  if (lead === 0xf4 && second > 0x8f) return false;
  return lead < 0xf5;
}

StringDecoder.prototype.end = function (buf) {
  let r = '';
  if (buf !== undefined) r = this.write(buf);
  if (this.pending.length) {
    const p = this.pending;
    this.pending = Buffer.alloc(0);
    if (this.encoding === 'utf8') r += '\ufffd';
    else r += p.toString(this.encoding);
  }
  return r;
};
StringDecoder.prototype.text = function (buf, offset) { return this.write(buf.subarray(offset)); };
ObjectDefineProperty(StringDecoder.prototype, 'lastNeed', {
  get() {
    if (!this.pending.length) return 0;
    if (this.encoding === 'utf8') return utf8Need(this.pending[0]) - this.pending.length;
    if (this.encoding === 'utf16le') return this.pending.length % 2 ? 1 : 2;
    return 3 - this.pending.length;
  },
});
ObjectDefineProperty(StringDecoder.prototype, 'lastTotal', {
  get() { return this.pending.length ? this.pending.length + this.lastNeed : 0; },
});
ObjectDefineProperty(StringDecoder.prototype, 'lastChar', { get() { return MethodConcat(Buffer, [this.pending, Buffer.alloc(4 - this.pending.length)]); } });
module.exports = { StringDecoder };
