// jsvm's `punycode` builtin: RFC 3492 (Punycode) and the IDNA helpers Node's
// copy of punycode.js 2.1.0 offers. Wrapped by punycode.go in
// (function(module, exports) { ... }).
'use strict';

const maxInt = 2147483647;
const base = 36;
const tMin = 1;
const tMax = 26;
const skew = 38;
const damp = 700;
const initialBias = 72;
const initialN = 128;
const delimiter = '-';
const regexPunycode = /^xn--/;
const regexNonASCII = /[^\0-\x7E]/;
const regexSeparators = /[\x2E\u3002\uFF0E\uFF61]/g;
const errors = {
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
};

function error(type) {
  throw new RangeError(errors[type]);
}

function mapDomain(domain, fn) {
  const parts = MethodSplit(domain, '@');
  let result = '';
  if (parts.length > 1) {
    result = parts[0] + '@';
    domain = parts[1];
  }
  domain = MethodReplace(domain, regexSeparators, '\x2E');
  return result + MethodJoin(MethodMap(MethodSplit(domain, '.'), fn), '.');
}

// ucs2decode: a string's code points (surrogate pairs joined).
function ucs2decode(string) {
  const output = [];
  let counter = 0;
  const length = string.length;
  while (counter < length) {
    const value = MethodCharCodeAt(string, counter++);
    if (value >= 0xD800 && value <= 0xDBFF && counter < length) {
      const extra = MethodCharCodeAt(string, counter++);
      if ((extra & 0xFC00) === 0xDC00) {
        MethodPush(output, ((value & 0x3FF) << 10) + (extra & 0x3FF) + 0x10000);
      } else {
        MethodPush(output, value);
        counter--;
      }
    } else {
      MethodPush(output, value);
    }
  }
  return output;
}

const ucs2encode = (codePoints) => StringFromCodePoint(...SafeIterable(codePoints));

function basicToDigit(codePoint) {
  if (codePoint >= 0x30 && codePoint < 0x3A) return 26 + (codePoint - 0x30);
  if (codePoint >= 0x41 && codePoint < 0x5B) return codePoint - 0x41;
  if (codePoint >= 0x61 && codePoint < 0x7B) return codePoint - 0x61;
  return base;
}

// digitToBasic: 0..25 -> a..z, 26..35 -> 0..9.
const digitToBasic = (digit) => digit + 22 + 75 * (digit < 26);

function adapt(delta, numPoints, firstTime) {
  let k = 0;
  delta = firstTime ? MathFloor(delta / damp) : delta >> 1;
  delta += MathFloor(delta / numPoints);
  for (; delta > ((base - tMin) * tMax) >> 1; k += base) {
    delta = MathFloor(delta / (base - tMin));
  }
  return MathFloor(k + ((base - tMin + 1) * delta) / (delta + skew));
}

function decode(input) {
  const output = [];
  const inputLength = input.length;
  let i = 0;
  let n = initialN;
  let bias = initialBias;
  let basic = MethodLastIndexOf(input, delimiter);
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; ++j) {
    if (MethodCharCodeAt(input, j) >= 0x80) error('not-basic');
    MethodPush(output, MethodCharCodeAt(input, j));
  }
  for (let index = basic > 0 ? basic + 1 : 0; index < inputLength;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= inputLength) error('invalid-input');
      const digit = basicToDigit(MethodCharCodeAt(input, index++));
      if (digit >= base) error('invalid-input');
      if (digit > MathFloor((maxInt - i) / w)) error('overflow');
      i += digit * w;
      const t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
      if (digit < t) break;
      const baseMinusT = base - t;
      if (w > MathFloor(maxInt / baseMinusT)) error('overflow');
      w *= baseMinusT;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (MathFloor(i / out) > maxInt - n) error('overflow');
    n += MathFloor(i / out);
    i %= out;
    MethodSplice(output, i++, 0, n);
  }
  return StringFromCodePoint(...SafeIterable(output));
}

function encode(input) {
  const output = [];
  input = ucs2decode(input);
  const inputLength = input.length;
  let n = initialN;
  let delta = 0;
  let bias = initialBias;
  for (const currentValue of SafeIterable(input)) {
    if (currentValue < 0x80) MethodPush(output, StringFromCharCode(currentValue));
  }
  const basicLength = output.length;
  let handledCPCount = basicLength;
  if (basicLength) MethodPush(output, delimiter);
  while (handledCPCount < inputLength) {
    let m = maxInt;
    for (const currentValue of SafeIterable(input)) {
      if (currentValue >= n && currentValue < m) m = currentValue;
    }
    const handledCPCountPlusOne = handledCPCount + 1;
    if (m - n > MathFloor((maxInt - delta) / handledCPCountPlusOne)) error('overflow');
    delta += (m - n) * handledCPCountPlusOne;
    n = m;
    for (const currentValue of SafeIterable(input)) {
      if (currentValue < n && ++delta > maxInt) error('overflow');
      if (currentValue === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
          if (q < t) break;
          const qMinusT = q - t;
          const baseMinusT = base - t;
          MethodPush(output, StringFromCharCode(digitToBasic(t + (qMinusT % baseMinusT))));
          q = MathFloor(qMinusT / baseMinusT);
        }
        MethodPush(output, StringFromCharCode(digitToBasic(q)));
        bias = adapt(delta, handledCPCountPlusOne, handledCPCount === basicLength);
        delta = 0;
        ++handledCPCount;
      }
    }
    ++delta;
    ++n;
  }
  return MethodJoin(output, '');
}

const toUnicode = (input) => mapDomain(input, (string) =>
  (regexPunycode.test(string) ? decode(MethodToLowerCase(MethodSlice(string, 4))) : string));

const toASCII = (input) => mapDomain(input, (string) =>
  (regexNonASCII.test(string) ? 'xn--' + encode(string) : string));

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
