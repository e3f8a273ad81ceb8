'use strict';
// The buffer module, written for jsvm. internals: events' helpers plus
// normEnc(name), encode(string, enc) -> ArrayBuffer, decode(u8, enc) -> string,
// received(value).

var kMaxLength = 4294967296;
var kStringMaxLength = 536870888;
var INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {
  constructor(a, b, c) { super(a, b, c); }
}

function rangeErr(name, range, value) { return internals.outOfRange(name, range, value); }
function typeErr(name, expected, value) { return internals.invalidArgType(name, expected, value); }

function normEnc(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  var n = typeof enc === 'string' ? internals.normEnc(enc) : '';
  if (n === '') throw internals.newError('TypeError', 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  return n;
}

// Brand checks, as Node's: a typed array or buffer of another context
// (one vm.runInNewContext made) is no instance of this realm's classes.
var typedArrayTag = ObjectGetOwnPropertyDescriptor(ObjectGetPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function isUint8(v) { return FunctionPrototypeCall(typedArrayTag, v) === 'Uint8Array'; }
function isArrayBuffer(v) {
  return typeof v === 'object' && v !== null && internals.isArrayBuffer(v);
}

function fromBytes(ab) { return new FastBuffer(ab); }

function validateSize(size) {
  if (typeof size !== 'number') throw typeErr('size', 'of type number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw rangeErr('size', '>= 0 && <= ' + kMaxLength, size);
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw typeErr('string', 'of type string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Buffer.prototype = FastBuffer.prototype;
ObjectDefineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true, enumerable: false });
ObjectSetPrototypeOf(Buffer, Uint8Array);
Buffer.poolSize = 8192;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isArrayBuffer(value) || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      return fromArrayBuffer(value, encodingOrOffset, length);
    }
    var valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return Buffer.from(valueOf, encodingOrOffset, length);
    }
    if (isUint8(value) || ArrayBufferIsView(value)) {
      if (value instanceof DataView) return fromArrayLike(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      return fromArrayLike(value);
    }
    if (value.length !== undefined || ArrayIsArray(value)) return fromArrayLike(value);
    if (value.type === 'Buffer' && ArrayIsArray(value.data)) return fromArrayLike(value.data);
    if (typeof value[Symbol.toPrimitive] === 'function') {
      var prim = value[Symbol.toPrimitive]('string');
      if (typeof prim === 'string') return fromString(prim, encodingOrOffset);
    }
  }
  throw internals.newError('TypeError', 'ERR_INVALID_ARG_TYPE',
    'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. ' + internals.received(value));
};

Buffer.of = function of() {
  var b = new FastBuffer(arguments.length);
  for (var i = 0; i < arguments.length; i++) b[i] = arguments[i];
  return b;
};

function fromString(s, enc) {
  return fromBytes(internals.encode(s, normEnc(enc)));
}

function fromArrayLike(a) {
  var n = a.length >>> 0;
  var b = new FastBuffer(n);
  if (n === 0) return b;
  if (FunctionPrototypeCall(typedArrayTag, a) !== undefined) {
    // a typed array: one native copy as Node's TypedArrayPrototypeSet (a
    // RangeError if its own length is more than a.length says), not an
    // element at a time (a 4 MiB Buffer.from(u8) took ~2 s)
    MethodSet(b, a);
    return b;
  }
  for (var i = 0; i < n; i++) b[i] = a[i];
  return b;
}

function fromArrayBuffer(ab, off, len) {
  off = off === undefined ? 0 : +off;
  if (off !== off) off = 0;
  var max = ab.byteLength - off;
  if (max < 0) throw internals.newError('RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
  if (len === undefined) len = max;
  else {
    len = +len;
    if (len > 0) {
      if (len > max) throw internals.newError('RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
    } else len = 0;
  }
  return new FastBuffer(ab, off, len);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  var b = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) MethodFill(b, fill, encoding);
  return b;
};
Buffer.allocUnsafe = function allocUnsafe(size) { validateSize(size); return new FastBuffer(size); };
Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) { validateSize(size); return new FastBuffer(size); };

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

Buffer.isEncoding = function isEncoding(enc) {
  return typeof enc === 'string' && enc.length !== 0 && internals.normEnc(enc) !== '';
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBufferIsView(string) || isArrayBuffer(string)) return string.byteLength;
    throw typeErr('string', 'of type string or an instance of Buffer or ArrayBuffer', string);
  }
  var enc = (encoding === undefined || encoding === null) ? 'utf8' : internals.normEnc(String(encoding));
  if (enc === '') enc = 'utf8';
  if (enc === 'hex') return string.length >>> 1;
  if (enc === 'base64' || enc === 'base64url') {
    var len = string.length;
    if (len > 0 && MethodCharCodeAt(string, len - 1) === 0x3D) len--;
    if (len > 1 && MethodCharCodeAt(string, len - 1) === 0x3D) len--;
    return (len * 3) >>> 2;
  }
  return internals.encode(string, enc).byteLength;
};

Buffer.compare = function compare(a, b) {
  if (!isUint8(a)) throw typeErr('buf1', 'an instance of Buffer or Uint8Array', a);
  if (!isUint8(b)) throw typeErr('buf2', 'an instance of Buffer or Uint8Array', b);
  return cmpBytes(a, 0, a.length, b, 0, b.length);
};

Buffer.concat = function concat(list, length) {
  if (!ArrayIsArray(list)) throw typeErr('list', 'an instance of Array', list);
  if (list.length === 0) return new FastBuffer(0);
  var i;
  if (length === undefined) {
    length = 0;
    for (i = 0; i < list.length; i++) {
      if (list[i] && list[i].length) length += list[i].length;
    }
  } else {
    if (typeof length !== 'number') throw typeErr('length', 'of type number', length);
  }
  var out = Buffer.allocUnsafe(length);
  var pos = 0;
  for (i = 0; i < list.length; i++) {
    var b = list[i];
    if (!isUint8(b)) throw typeErr('list[' + i + ']', 'an instance of Buffer or Uint8Array', b);
    if (pos >= length) break;
    var n = MathMin(b.length, length - pos);
    if (n === 0) continue; // an empty buffer in the list
    MethodSet(out, n === b.length ? b : b.subarray(0, n), pos);
    pos += n;
  }
  if (pos < length) MethodFill(out, 0, pos);
  return out;
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  var u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  var bpe = view.BYTES_PER_ELEMENT || 1;
  var start = (offset || 0) * bpe;
  var end = length === undefined ? u8.length : start + length * bpe;
  return fromArrayLike(u8.subarray(start, end));
};

function cmpBytes(a, as, ae, b, bs, be) {
  var r = internals.cmpBytes(a, as, ae, b, bs, be);
  if (r !== -2) return r;
  var n = MathMin(ae - as, be - bs);
  for (var i = 0; i < n; i++) {
    if (a[as + i] !== b[bs + i]) return a[as + i] < b[bs + i] ? -1 : 1;
  }
  var la = ae - as, lb = be - bs;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

// Node's order of the static methods
MethodForEach(['from', 'copyBytesFrom', 'of', 'alloc', 'allocUnsafe', 'allocUnsafeSlow', 'isBuffer', 'compare', 'isEncoding', 'concat', 'byteLength'], function (k) {
  var f = Buffer[k];
  delete Buffer[k];
  Buffer[k] = f;
});

var proto = FastBuffer.prototype;

function clampIndex(v, len, dflt) {
  if (v === undefined) return dflt;
  v = +v;
  if (v !== v) return 0;
  v = MathTrunc(v);
  if (v < 0) return 0;
  return v > len ? len : v;
}

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return internals.decode(this, 'utf8');
  var len = this.length;
  start = clampIndex(start, len, 0);
  end = clampIndex(end, len, len);
  if (end <= start) return '';
  // only undefined is utf8 here (Buffer.from takes null and '' too)
  if (encoding === null || encoding === '') throw internals.newError('TypeError', 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
  var enc = normEnc(encoding);
  return internals.decode(start === 0 && end === len ? this : this.subarray(start, end), enc);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(other) {
  if (!isUint8(other)) throw typeErr('otherBuffer', 'an instance of Buffer or Uint8Array', other);
  if (this === other) return true;
  return this.length === other.length && cmpBytes(this, 0, this.length, other, 0, other.length) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8(target)) throw typeErr('target', 'an instance of Buffer or Uint8Array', target);
  targetStart = boundArg('targetStart', targetStart, 0, target.length);
  targetEnd = boundArg('targetEnd', targetEnd, target.length, target.length);
  sourceStart = boundArg('sourceStart', sourceStart, 0, this.length);
  sourceEnd = boundArg('sourceEnd', sourceEnd, this.length, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return cmpBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

function boundArg(name, v, dflt, max) {
  if (v === undefined) return dflt;
  if (typeof v !== 'number') throw typeErr(name, 'of type number', v);
  if (v !== MathFloor(v)) throw rangeErr(name, 'an integer', v);
  if (v < 0 || v > max) throw rangeErr(name, '>= 0 and <= ' + max, v);
  return v;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8(target)) throw typeErr('target', 'an instance of Buffer or Uint8Array', target);
  targetStart = targetStart === undefined ? 0 : MathTrunc(+targetStart) || 0;
  if (targetStart < 0) throw rangeErr('targetStart', '>= 0', targetStart);
  sourceStart = sourceStart === undefined ? 0 : MathTrunc(+sourceStart) || 0;
  if (sourceStart < 0 || sourceStart > this.length) throw rangeErr('sourceStart', '>= 0 && <= ' + this.length, sourceStart);
  sourceEnd = sourceEnd === undefined ? this.length : MathTrunc(+sourceEnd) || 0;
  if (sourceEnd < 0) throw rangeErr('sourceEnd', '>= 0', sourceEnd);
  if (sourceEnd > this.length) sourceEnd = this.length;
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  var n = MathMin(sourceEnd - sourceStart, target.length - targetStart);
  MethodSet(target, this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};

function relIndex(v, len, dflt) {
  if (v === undefined) return dflt;
  v = MathTrunc(+v) || 0;
  if (v < 0) { v += len; if (v < 0) v = 0; }
  return v > len ? len : v;
}

proto.subarray = function subarray(start, end) {
  var len = this.length;
  start = relIndex(start, len, 0);
  end = relIndex(end, len, len);
  if (end < start) end = start;
  return new FastBuffer(this.buffer, this.byteOffset + start, end - start);
};
proto.slice = function slice(start, end) { return this.subarray(start, end); };

proto.fill = function fill(value, offset, end, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
  else if (typeof end === 'string') { encoding = end; end = this.length; }
  offset = offset === undefined ? 0 : offset;
  end = end === undefined ? this.length : end;
  if (typeof offset !== 'number') throw typeErr('offset', 'of type number', offset);
  if (typeof end !== 'number') throw typeErr('end', 'of type number', end);
  if (offset < 0 || offset > this.length) throw rangeErr('offset', '>= 0 && <= ' + this.length, offset);
  if (end < 0 || end > this.length) throw rangeErr('end', '>= 0 && <= ' + this.length, end);
  if (end <= offset) return this;
  var bytes;
  if (typeof value === 'string') {
    var enc = normEnc(encoding);
    if (value.length === 0) { value = 0; }
    else {
      bytes = new Uint8Array(internals.encode(value, enc));
      if (bytes.length === 0) throw internals.invalidArgValue('value', value, 'is invalid');
    }
  } else if (isUint8(value)) {
    bytes = value;
    if (bytes.length === 0) throw internals.invalidArgValue('value', value, 'is invalid');
  } else if (typeof value === 'boolean') {
    value = +value;
  }
  if (bytes === undefined) {
    Uint8ArrayPrototypeFill(this, (+value || 0) & 255, offset, end);
    return this;
  }
  for (var i = offset, j = 0; i < end; i++, j++) {
    if (j === bytes.length) j = 0;
    this[i] = bytes[j];
  }
  return this;
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw typeErr('argument', 'of type string', string);
  if (typeof offset === 'string') { encoding = offset; offset = 0; length = this.length; }
  else if (typeof length === 'string') { encoding = length; length = undefined; }
  offset = offset === undefined ? 0 : offset;
  if (typeof offset !== 'number') throw typeErr('offset', 'of type number', offset);
  if (offset < 0 || offset > this.length) throw rangeErr('offset', '>= 0 && <= ' + this.length, offset);
  var remaining = this.length - offset;
  if (length === undefined || length > remaining) length = remaining;
  if (typeof length !== 'number') throw typeErr('length', 'of type number', length);
  if (length < 0) throw rangeErr('length', '>= 0 && <= ' + remaining, length);
  var enc = normEnc(encoding);
  var bytes = new Uint8Array(internals.encode(string, enc));
  var n = MathMin(bytes.length, length);
  if (enc === 'utf8' && n < bytes.length) {
    // do not write a partial character
    while (n > 0 && (bytes[n] & 0xC0) === 0x80) n--;
  } else if (enc === 'utf16le' && n % 2) {
    n--;
  }
  this.set(bytes.subarray(0, n), offset);
  return n;
};

function indexOfImpl(buf, value, byteOffset, encoding, first) {
  if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
  var len = buf.length;
  var off = byteOffset === undefined ? (first ? 0 : len) : +byteOffset;
  if (off !== off) off = first ? 0 : len;
  off = MathTrunc(off);
  if (off < 0) off += len;
  var needle;
  if (typeof value === 'number') {
    needle = [value & 255];
  } else if (typeof value === 'string') {
    needle = new Uint8Array(internals.encode(value, normEnc(encoding)));
  } else if (isUint8(value)) {
    needle = value;
  } else {
    throw typeErr('value', 'one of type number or string or an instance of Buffer or Uint8Array', value);
  }
  var n = needle.length;
  if (n === 0) return first ? MathMin(MathMax(off, 0), len) : MathMin(off, len);
  if (first) {
    if (off < 0) off = 0;
    for (var i = off; i + n <= len; i++) {
      if (match(buf, i, needle)) return i;
    }
  } else {
    if (off > len - n) off = len - n;
    for (var k = off; k >= 0; k--) {
      if (match(buf, k, needle)) return k;
    }
  }
  return -1;
}

function match(buf, at, needle) {
  for (var j = 0; j < needle.length; j++) if (buf[at + j] !== needle[j]) return false;
  return true;
}

proto.indexOf = function indexOf(value, byteOffset, encoding) { return indexOfImpl(this, value, byteOffset, encoding, true); };
proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) { return indexOfImpl(this, value, byteOffset, encoding, false); };
proto.includes = function includes(value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; };

proto.toJSON = function toJSON() {
  var data = new Array(this.length);
  for (var i = 0; i < this.length; i++) data[i] = this[i];
  return { type: 'Buffer', data: data };
};

function swap(buf, size) {
  if (buf.length % size !== 0) {
    throw internals.newError('RangeError', 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + (size * 8) + '-bits');
  }
  for (var i = 0; i < buf.length; i += size) {
    for (var a = i, b = i + size - 1; a < b; a++, b--) {
      var t = buf[a]; buf[a] = buf[b]; buf[b] = t;
    }
  }
  return buf;
}
proto.swap16 = function swap16() { return swap(this, 2); };
proto.swap32 = function swap32() { return swap(this, 4); };
proto.swap64 = function swap64() { return swap(this, 8); };

// ---- numeric reads and writes ----

function view(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function checkOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw typeErr('offset', 'of type number', offset);
  if (offset !== MathFloor(offset)) throw rangeErr('offset', 'an integer', offset);
  var max = buf.length - size;
  if (max < 0) throw internals.newError('RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
  if (offset < 0 || offset > max) throw rangeErr('offset', '>= 0 and <= ' + max, offset);
  return offset;
}

function defineInt(name, size, getter, setter, little, min, max, range) {
  proto['read' + name] = function (offset = 0) {
    offset = checkOffset(this, offset, size);
    return view(this)[getter](offset, little);
  };
  proto['write' + name] = function (value, offset = 0) {
    // Node's order: the offset's type, the value's range, then the
    // offset's range
    if (offset === undefined) offset = 0;
    if (typeof offset !== 'number') throw typeErr('offset', 'of type number', offset);
    value = +value; // a BigInt throws, as in Node
    if (min !== null && (value > max || value < min)) throw rangeErr('value', range, value); // NaN writes 0
    offset = checkOffset(this, offset, size);
    view(this)[setter](offset, value, little);
    return offset + size;
  };
}

var ints = [
  ['UInt8', 1, 'getUint8', 'setUint8', 0, 255],
  ['Int8', 1, 'getInt8', 'setInt8', -128, 127],
  ['UInt16', 2, 'getUint16', 'setUint16', 0, 65535],
  ['Int16', 2, 'getInt16', 'setInt16', -32768, 32767],
  ['UInt32', 4, 'getUint32', 'setUint32', 0, 4294967295],
  ['Int32', 4, 'getInt32', 'setInt32', -2147483648, 2147483647],
];
MethodForEach(ints, function (d) {
  var range = '>= ' + d[4] + ' and <= ' + d[5];
  if (d[1] === 1) {
    defineInt(d[0], 1, d[2], d[3], false, d[4], d[5], range);
  } else {
    defineInt(d[0] + 'LE', d[1], d[2], d[3], true, d[4], d[5], range);
    defineInt(d[0] + 'BE', d[1], d[2], d[3], false, d[4], d[5], range);
  }
});
defineInt('FloatLE', 4, 'getFloat32', 'setFloat32', true, null);
defineInt('FloatBE', 4, 'getFloat32', 'setFloat32', false, null);
defineInt('DoubleLE', 8, 'getFloat64', 'setFloat64', true, null);
defineInt('DoubleBE', 8, 'getFloat64', 'setFloat64', false, null);

function defineBig(name, getter, setter, little, signed) {
  proto['read' + name] = function (offset = 0) {
    offset = checkOffset(this, offset, 8);
    return view(this)[getter](offset, little);
  };
  proto['write' + name] = function (value, offset = 0) {
    offset = checkOffset(this, offset, 8);
    if (typeof value !== 'bigint') throw typeErr('value', 'of type bigint', value);
    var lo = signed ? -(2n ** 63n) : 0n;
    var hi = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
    if (value < lo || value > hi) {
      var r = signed ? '>= -(2n ** 63n) and < 2n ** 63n' : '>= 0n and < 2n ** 64n';
      throw internals.newError('RangeError', 'ERR_OUT_OF_RANGE',
        'The value of "value" is out of range. It must be ' + r + '. Received ' + internals.bigRecv(value));
    }
    view(this)[setter](offset, value, little);
    return offset + 8;
  };
}
defineBig('BigInt64LE', 'getBigInt64', 'setBigInt64', true, true);
defineBig('BigInt64BE', 'getBigInt64', 'setBigInt64', false, true);
defineBig('BigUInt64LE', 'getBigUint64', 'setBigUint64', true, false);
defineBig('BigUInt64BE', 'getBigUint64', 'setBigUint64', false, false);

// variable-width integers (byteLength 1..6)
function checkByteLength(n) {
  if (typeof n !== 'number') throw typeErr('byteLength', 'of type number', n);
  if (n !== MathFloor(n) || n < 1 || n > 6) throw rangeErr('byteLength', '>= 1 and <= 6', n);
}
function readVar(buf, offset, n, little, signed) {
  checkByteLength(n);
  offset = checkOffset(buf, offset, n);
  var v = 0;
  for (var i = 0; i < n; i++) {
    var b = buf[offset + (little ? n - 1 - i : i)];
    v = v * 256 + b;
  }
  if (signed && v >= MathPow(2, 8 * n - 1)) v -= MathPow(2, 8 * n);
  return v;
}
function writeVar(buf, value, offset, n, little, signed) {
  checkByteLength(n);
  offset = checkOffset(buf, offset, n);
  value = +value;
  var lim = MathPow(2, 8 * n);
  var min = signed ? -lim / 2 : 0, max = signed ? lim / 2 - 1 : lim - 1;
  if (!(value >= min && value <= max)) {
    var r = n > 4 ? (signed ? '>= -(2 ** ' + (8 * n - 1) + ') and < 2 ** ' + (8 * n - 1) : '>= 0 and < 2 ** ' + (8 * n))
      : '>= ' + min + ' and <= ' + max;
    throw rangeErr('value', r, value);
  }
  if (value < 0) value += lim;
  for (var i = 0; i < n; i++) {
    buf[offset + (little ? i : n - 1 - i)] = value % 256;
    value = MathFloor(value / 256);
  }
  return offset + n;
}
proto.readUIntLE = function (o, n) { return readVar(this, o, n, true, false); };
proto.readUIntBE = function (o, n) { return readVar(this, o, n, false, false); };
proto.readIntLE = function (o, n) { return readVar(this, o, n, true, true); };
proto.readIntBE = function (o, n) { return readVar(this, o, n, false, true); };
proto.writeUIntLE = function (v, o, n) { return writeVar(this, v, o, n, true, false); };
proto.writeUIntBE = function (v, o, n) { return writeVar(this, v, o, n, false, false); };
proto.writeIntLE = function (v, o, n) { return writeVar(this, v, o, n, true, true); };
proto.writeIntBE = function (v, o, n) { return writeVar(this, v, o, n, false, true); };

// lower-case aliases, as Node has
MethodForEach(['UInt8', 'UInt16LE', 'UInt16BE', 'UInt32LE', 'UInt32BE', 'UIntLE', 'UIntBE', 'BigUInt64LE', 'BigUInt64BE'], function (n) {
  var alias = MethodReplace(n, 'UInt', 'Uint');
  proto['read' + alias] = proto['read' + n];
  proto['write' + alias] = proto['write' + n];
});

var customInspect = SymbolFor('nodejs.util.inspect.custom');
proto[customInspect] = function inspect(recurseTimes, ctx) {
  var max = INSPECT_MAX_BYTES;
  var n = MathMin(max, this.length);
  var parts = [];
  for (var i = 0; i < n; i++) MethodPush(parts, (this[i] < 16 ? '0' : '') + this[i].toString(16));
  var str = MethodJoin(parts, ' ');
  var remaining = this.length - max;
  if (remaining > 0) str += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
  var extras = MethodFilter(ObjectKeys(this), function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
  if (extras.length && ctx && typeof ctx.stylize === 'function') {
    var self = this;
    var insp = internals.inspect;
    str += (str ? ', ' : '') + MethodJoin(MethodMap(extras, function (k) { return k + ': ' + insp(self[k]); }), ', ');
  }
  return '<' + this.constructor.name + ' ' + str + '>';
};

function SlowBuffer(size) {
  validateSize(size);
  return new FastBuffer(size);
}
SlowBuffer.prototype = FastBuffer.prototype;
ObjectSetPrototypeOf(SlowBuffer, Uint8Array);

function btoa(input) {
  if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = String(input);
  for (var i = 0; i < input.length; i++) {
    if (MethodCharCodeAt(input, i) > 255) {
      var e = new Error('Invalid character');
      e.name = 'InvalidCharacterError';
      throw e;
    }
  }
  return internals.decode(new Uint8Array(internals.encode(input, 'latin1')), 'base64');
}

function atob(input) {
  if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = MethodReplace(String(input), /[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = MethodReplace(input, /==?$/, '');
  if (input.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(input)) {
    var e = new Error('The string to be decoded is not correctly encoded.');
    e.name = 'InvalidCharacterError';
    throw e;
  }
  return internals.decode(new Uint8Array(internals.encode(input, 'base64')), 'latin1');
}

function isAscii(b) {
  var u = isArrayBuffer(b) ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (var i = 0; i < u.length; i++) if (u[i] > 127) return false;
  return true;
}
function isUtf8(b) {
  var u = isArrayBuffer(b) ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return internals.isUtf8(u);
}

// ---- Blob (in memory) ----

var kBlob = new WeakMap();

class Blob {
  constructor(sources, options) {
    if (sources === undefined) sources = [];
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw typeErr('sources', 'a sequence', sources);
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw typeErr('options', 'a dictionary', options);
    }
    var parts = [];
    var size = 0;
    for (var src of SafeIterable(sources)) {
      var bytes;
      if (src instanceof Blob) bytes = WeakMapPrototypeGet(kBlob, src).bytes;
      else if (isArrayBuffer(src)) bytes = new Uint8Array(MethodSlice(src, 0));
      else if (ArrayBufferIsView(src)) bytes = new Uint8Array(MethodSlice(src.buffer, src.byteOffset, src.byteOffset + src.byteLength));
      else bytes = new Uint8Array(internals.encode(String(src), 'utf8'));
      MethodPush(parts, bytes);
      size += bytes.length;
    }
    var all = new Uint8Array(size);
    var pos = 0;
    MethodForEach(parts, function (p) { MethodSet(all, p, pos); pos += p.length; });
    var type = options && options.type !== undefined ? String(options.type) : '';
    if (/[^\u0020-\u007E]/.test(type)) type = '';
    WeakMapPrototypeSet(kBlob, this, { bytes: all, type: MethodToLowerCase(type), parts: MethodMap(parts, function (p) { return p.length; }) });
  }
  get size() { return WeakMapPrototypeGet(kBlob, this).bytes.length; }
  get type() { return WeakMapPrototypeGet(kBlob, this).type; }
  slice(start, end, contentType) {
    var b = WeakMapPrototypeGet(kBlob, this).bytes;
    var n = b.length;
    start = relIndex(start, n, 0);
    end = relIndex(end, n, n);
    var out = new Blob([], { type: contentType === undefined ? '' : String(contentType) });
    WeakMapPrototypeGet(kBlob, out).bytes = MethodSlice(b, start, MathMax(start, end));
    WeakMapPrototypeGet(kBlob, out).parts = [WeakMapPrototypeGet(kBlob, out).bytes.length];
    return out;
  }
  arrayBuffer() {
    var b = WeakMapPrototypeGet(kBlob, this).bytes;
    return PromiseResolve(MethodSlice(b.buffer, b.byteOffset, b.byteOffset + b.byteLength));
  }
  text() {
    return PromiseResolve(internals.decode(WeakMapPrototypeGet(kBlob, this).bytes, 'utf8'));
  }
  // a byte stream of the contents: a chunk per part the Blob was made
  // of (as Node's), each at most 64 KiB
  stream() {
    var st = WeakMapPrototypeGet(kBlob, this);
    var b = st.bytes;
    var ends = [];
    var at = 0;
    MethodForEach(st.parts, function (n) {
      for (var off = 0; off < n; off += 65536) MethodPush(ends, at + MathMin(n, off + 65536));
      at += n;
    });
    var pos = 0;
    var i = 0;
    return new globalThis.ReadableStream({
      type: 'bytes',
      pull: function (c) {
        while (i < ends.length && ends[i] <= pos) i++;
        if (i >= ends.length) { c.close(); return; }
        c.enqueue(MethodSlice(b, pos, ends[i]));
        pos = ends[i++];
        if (i >= ends.length) c.close();
      },
    });
  }
  [customInspect](depth, opts, inspect) {
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return 'Blob ' + fn({ size: this.size, type: this.type }, opts);
  }
}
ObjectDefineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });

// File: a Blob with a name and a modification time
var kFile = new WeakMap();
class File extends Blob {
  constructor(fileBits, fileName, options) {
    if (arguments.length < 2) {
      throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    }
    super(fileBits, options);
    var lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : DateNow();
    if (NumberIsNaN(lastModified)) lastModified = 0;
    WeakMapPrototypeSet(kFile, this, { name: String(fileName), lastModified: MathTrunc(lastModified) });
  }
  get name() { return WeakMapPrototypeGet(kFile, this).name; }
  get lastModified() { return WeakMapPrototypeGet(kFile, this).lastModified; }
  [customInspect](depth, opts, inspect) {
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return 'File ' + fn({ size: this.size, type: this.type, name: this.name, lastModified: this.lastModified }, opts);
  }
}
ObjectDefineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

// the per-encoding slice and write methods packages call directly
// (buf.hexSlice(0, n), buf.utf8Write(str, off)): Node's internal fast
// paths, exposed on Buffer.prototype
for (const enc of SafeIterable(['hex', 'utf8', 'latin1', 'ascii', 'base64', 'base64url', 'ucs2'])) {
  ObjectDefineProperty(Buffer.prototype, enc + 'Slice', {
    value: function (start = 0, end = this.length) { return this.toString(enc, start, end); },
    writable: true, configurable: true, enumerable: false,
  });
  ObjectDefineProperty(Buffer.prototype, enc + 'Write', {
    value: function (string, offset = 0, length = this.length - offset) { return this.write(string, offset, length, enc); },
    writable: true, configurable: true, enumerable: false,
  });
}

module.exports = {
  Buffer: Buffer,
  SlowBuffer: SlowBuffer,
  isUtf8: isUtf8,
  isAscii: isAscii,
  kMaxLength: kMaxLength,
  kStringMaxLength: kStringMaxLength,
  btoa: btoa,
  atob: atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: INSPECT_MAX_BYTES,
  Blob: Blob,
  File: File,
};
