'use strict';
// TextEncoder and TextDecoder, written for jsvm. internals: events' helpers
// plus encode(s) -> ArrayBuffer, encodeInto(s, u8) -> [read, written],
// decode(u8, encoding, fatal, stream) -> [string, consumed] (throws on
// invalid data when fatal).

var customInspect = SymbolFor('nodejs.util.inspect.custom');
var decoders = new WeakMap();

var labels = {
  'unicode-1-1-utf-8': 'utf-8', 'unicode11utf8': 'utf-8', 'unicode20utf8': 'utf-8', 'utf-8': 'utf-8', 'utf8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  'csunicode': 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le', 'unicodefeff': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le',
  'ansi_x3.4-1968': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252', 'cp819': 'windows-1252', 'csisolatin1': 'windows-1252',
  'ibm819': 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso-ir-100': 'windows-1252', 'iso8859-1': 'windows-1252', 'iso88591': 'windows-1252',
  'iso_8859-1': 'windows-1252', 'iso_8859-1:1987': 'windows-1252', 'l1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252',
  'windows-1252': 'windows-1252', 'x-cp1252': 'windows-1252',
};

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input) {
    if (input === undefined) input = '';
    return new Uint8Array(internals.encode(String(input)));
  }
  encodeInto(src, dest) {
    if (typeof src !== 'string') throw internals.invalidArgType('src', 'of type string', src);
    if (!(dest instanceof Uint8Array)) throw internals.invalidArgType('dest', 'an instance of Uint8Array', dest);
    var r = internals.encodeInto(src, dest);
    return { read: r[0], written: r[1] };
  }
  [customInspect](depth, opts, inspect) {
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return fn({ encoding: 'utf-8' }, opts);
  }
}

function state(self) {
  var s = WeakMapPrototypeGet(decoders, self);
  if (!s) throw internals.newError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type TextDecoder');
  return s;
}

class TextDecoder {
  constructor(encoding, options) {
    encoding = encoding === undefined ? 'utf-8' : String(encoding);
    if (options === undefined || options === null) options = {};
    else if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
    var enc = labels[MethodToLowerCase(MethodTrim(encoding))];
    if (enc === undefined) {
      throw internals.newError('RangeError', 'ERR_ENCODING_NOT_SUPPORTED', 'The "' + encoding + '" encoding is not supported');
    }
    WeakMapPrototypeSet(decoders, this, {
      encoding: enc, fatal: !!options.fatal, ignoreBOM: !!options.ignoreBOM,
      pending: null, started: false,
    });
  }
  decode(input, options) {
    var s = state(this);
    var bytes;
    if (input === undefined) bytes = new Uint8Array(0);
    else if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) bytes = new Uint8Array(input);
    else if (ArrayBufferIsView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else {
      throw internals.newError('TypeError', 'ERR_INVALID_ARG_TYPE',
        'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    }
    var stream = !!(options && options.stream);
    if (s.pending) {
      var joined = new Uint8Array(s.pending.length + bytes.length);
      MethodSet(joined, s.pending);
      MethodSet(joined, bytes, s.pending.length);
      bytes = joined;
      s.pending = null;
    }
    var r;
    try {
      r = internals.decode(bytes, s.encoding, s.fatal, stream);
    } catch (e) {
      s.started = false;
      throw e;
    }
    var text = r[0];
    if (r[1] < bytes.length) s.pending = MethodSlice(bytes, r[1]);
    if (!s.started && text.length > 0) {
      if (!s.ignoreBOM && MethodCharCodeAt(text, 0) === 0xFEFF) text = MethodSlice(text, 1);
      s.started = true;
    }
    if (!stream) {
      s.started = false;
      s.pending = null;
    }
    return text;
  }
  get encoding() { return state(this).encoding; }
  get fatal() { return state(this).fatal; }
  get ignoreBOM() { return state(this).ignoreBOM; }
  [customInspect](depth, opts, inspect) {
    var s = state(this);
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return 'TextDecoder ' + fn({ encoding: s.encoding, fatal: s.fatal, ignoreBOM: s.ignoreBOM }, opts);
  }
}

MethodForEach(['encode', 'encodeInto', 'encoding'], function (k) {
  var d = ObjectGetOwnPropertyDescriptor(TextEncoder.prototype, k);
  d.enumerable = true;
  ObjectDefineProperty(TextEncoder.prototype, k, d);
});
MethodForEach(['decode', 'encoding', 'fatal', 'ignoreBOM'], function (k) {
  var d = ObjectGetOwnPropertyDescriptor(TextDecoder.prototype, k);
  d.enumerable = true;
  ObjectDefineProperty(TextDecoder.prototype, k, d);
});
ObjectDefineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });
ObjectDefineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });

module.exports = { TextEncoder: TextEncoder, TextDecoder: TextDecoder };
