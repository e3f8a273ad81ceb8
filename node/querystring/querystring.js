'use strict';
// Node's querystring: parse/stringify with Node's escaping (RFC 3986
// unreserved characters plus ! ' ( ) *) and its limits.
const { Buffer } = require('buffer');

const noEscape = new Int8Array(128);
for (const c of SafeIterable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")) noEscape[MethodCharCodeAt(c, 0)] = 1;
const hex = [];
for (let i = 0; i < 256; i++) MethodPush(hex, '%' + (i < 16 ? '0' : '') + MethodToUpperCase(i.toString(16)));

// Go's answers for ASCII strings (undefined for any other input)
const escapeASCII = internals.escapeASCII, decodeASCII = internals.decodeASCII;

function qsEscape(str) {
  if (typeof str === 'string') {
    const r = escapeASCII(str);
    if (r !== undefined) return r;
  }
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let c = MethodCharCodeAt(str, i);
    if (c < 0x80) {
      if (noEscape[c] === 1) continue;
      out += MethodSlice(str, last, i) + hex[c];
      last = i + 1;
      continue;
    }
    out += MethodSlice(str, last, i);
    if (c < 0x800) out += hex[0xc0 | (c >> 6)] + hex[0x80 | (c & 0x3f)];
    else if (c < 0xd800 || c >= 0xe000) out += hex[0xe0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
    else {
      i++;
      if (i >= str.length) throw internals.newError('URIError', 'ERR_INVALID_URI', 'URI malformed');
      const c2 = MethodCharCodeAt(str, i) & 0x3ff;
      c = 0x10000 + (((c & 0x3ff) << 10) | c2);
      out += hex[0xf0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3f)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
    }
    last = i + 1;
  }
  if (last === 0) return str;
  if (last < str.length) return out + MethodSlice(str, last);
  return out;
}

function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = MethodCharCodeAt(s, i);
    if (c === 43 && decodeSpaces) { out[n++] = 32; continue; }
    if (c === 37 && i + 2 < s.length + 0 && /^[0-9a-fA-F]{2}$/.test(MethodSlice(s, i + 1, i + 3))) {
      out[n++] = parseInt(MethodSlice(s, i + 1, i + 3), 16);
      i += 2;
      continue;
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function qsUnescape(s, decodeSpaces) {
  try { return decodeURIComponent(s); } catch { return unescapeBuffer(s, decodeSpaces).toString(); }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}
function encodeStringified(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && isFinite(v)) return MathAbs(v) < 1e21 ? '' + v : encode('' + v);
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = qsEscape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = encode === qsEscape ? encodeStringified : (v, enc) => enc(stringifyPrimitive(v));
  if (obj !== null && typeof obj === 'object') {
    const keys = ObjectKeys(obj);
    const fields = [];
    for (const k of SafeIterable(keys)) {
      const v = obj[k];
      const ks = convert(k, encode) + eq;
      if (ArrayIsArray(v)) {
        for (const item of SafeIterable(v)) MethodPush(fields, ks + convert(item, encode));
      } else {
        MethodPush(fields, ks + convert(v, encode));
      }
    }
    return MethodJoin(fields, sep);
  }
  return '';
}

function parse(qs, sep, eq, options) {
  const obj = ObjectCreate(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let decode = qsUnescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  let parts = MethodSplit(qs, sep);
  if (maxKeys > 0 && parts.length > maxKeys) parts = MethodSlice(parts, 0, maxKeys);
  for (const part of SafeIterable(parts)) {
    if (part.length === 0 && parts.length > 1) continue;
    const idx = MethodIndexOf(part, eq);
    let k, v;
    if (idx >= 0) { k = MethodSlice(part, 0, idx); v = MethodSlice(part, idx + eq.length); } else { k = part; v = ''; }
    const dec = (s) => {
      if (decode === qsUnescape) {
        const r = decodeASCII(s);
        if (r !== undefined) return r;
      }
      s = MethodReplace(s, /\+/g, ' ');
      try { return decode(s); } catch { return qsUnescape(s, true); }
    };
    k = dec(k);
    v = dec(v);
    if (!(k in obj)) obj[k] = v;
    else if (ArrayIsArray(obj[k])) MethodPush(obj[k], v);
    else obj[k] = [obj[k], v];
  }
  return obj;
}

module.exports = { unescapeBuffer, unescape: qsUnescape, escape: qsEscape, stringify, encode: stringify, parse, decode: parse };
