'use strict';
// assert and assert/strict, written for jsvm.
// internals: events' helpers plus deepEqual(a, b, strict), callerSource(stack).

// ---- value rendering for messages (util.inspect with compact: false, sorted) ----

var identRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
  return internals.quote(s);
}

function fnHead(f) {
  var src = '';
  try { src = FunctionPrototypeToString(f); } catch (e) { /* ignore */ }
  if (/^class[\s{]/.test(src)) {
    var h = '[class ' + (f.name || '(anonymous)');
    var sup = ObjectGetPrototypeOf(f);
    if (sup && sup !== Function.prototype && sup.name) h += ' extends ' + sup.name;
    return h + ']';
  }
  var kind = 'Function';
  var ctor = ObjectGetPrototypeOf(f) && ObjectGetPrototypeOf(f).constructor;
  if (ctor && (ctor.name === 'AsyncFunction' || ctor.name === 'GeneratorFunction')) kind = ctor.name;
  return f.name ? '[' + kind + ': ' + f.name + ']' : '[' + kind + ' (anonymous)]';
}

function ctorName(o) {
  var p = o;
  while (p !== null) {
    var d = ObjectGetOwnPropertyDescriptor(p, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
    p = ObjectGetPrototypeOf(p);
  }
  return null;
}

function keyStr(k) {
  if (typeof k === 'symbol') return '[' + String(k) + ']';
  return identRe.test(k) ? k : quote(k);
}

function isIndexKey(k) {
  return typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295;
}

var typedNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

function typedTag(v) {
  var t = v[Symbol.toStringTag];
  return typeof t === 'string' && MethodIndexOf(typedNames, t) >= 0 ? t : null;
}

function render(v, indent, seen) {
  switch (typeof v) {
    case 'string': return quote(v);
    case 'number': return ObjectIs(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'symbol': return String(v);
    case 'undefined': return 'undefined';
    case 'boolean': return String(v);
  }
  if (v === null) return 'null';
  if (MethodIndexOf(seen, v) >= 0) return '[Circular *1]';
  MethodPush(seen, v);
  try {
    return renderObject(v, indent, seen);
  } finally {
    MethodPop(seen);
  }
}

function ownKeys(o, skipIndex) {
  var keys = MethodFilter(ObjectKeys(o), function (k) { return !(skipIndex && isIndexKey(k)); });
  MethodSort(keys);
  var syms = MethodFilter(ObjectGetOwnPropertySymbols(o), function (s) {
    return ObjectPrototypePropertyIsEnumerable(o, s);
  });
  return MethodConcat(keys, syms);
}

function block(open, close, items, indent) {
  if (items.length === 0) return open + close;
  var pad = indent + '  ';
  return open + '\n' + pad + MethodJoin(items, ',\n' + pad) + '\n' + indent + close;
}

function prefixed(name, fallback, tagWord) {
  // "Foo " for class instances, "" for plain objects/arrays
  if (name === fallback) return '';
  if (name === null) return '[' + tagWord + ': null prototype] ';
  return name + ' ';
}

function renderObject(o, indent, seen) {
  var pad = indent + '  ';
  var name = ctorName(o);
  var props = function (skipIndex) {
    return MethodMap(ownKeys(o, skipIndex), function (k) {
      return keyStr(k) + ': ' + render(o[k], pad, seen);
    });
  };
  if (typeof o === 'function') {
    var ps = MethodFilter(props(false), function (p) { return true; });
    var head = fnHead(o);
    return ps.length ? block(head + ' {', '}', ps, indent) : head;
  }
  if (ArrayIsArray(o)) {
    var items = [];
    var holes = 0;
    var flush = function () {
      if (holes) MethodPush(items, '<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      holes = 0;
    };
    for (var i = 0; i < o.length; i++) {
      if (!ObjectPrototypeHasOwnProperty(o, i)) { holes++; continue; }
      flush();
      MethodPush(items, render(o[i], pad, seen));
    }
    flush();
    items = MethodConcat(items, props(true));
    var ap = name === 'Array' ? '' : (name === null ? '[Array(' + o.length + '): null prototype] ' : name + '(' + o.length + ') ');
    return ap + block('[', ']', items, indent);
  }
  var tt = typedTag(o);
  if (tt) {
    var titems = [];
    for (var j = 0; j < o.length; j++) MethodPush(titems, render(o[j], pad, seen));
    titems = MethodConcat(titems, props(true));
    var tp = (name || tt) + '(' + o.length + ') ' + (name !== tt ? '[' + tt + '] ' : '');
    return tp + block('[', ']', titems, indent);
  }
  if (o instanceof Map || internals.kind(o) === 'map') {
    var entries = [];
    intrinsic(o, Map.prototype.forEach, 'forEach', [function (val, key) {
      MethodPush(entries, render(key, pad, seen) + ' => ' + render(val, pad, seen));
    }]);
    MethodSort(entries);
    return (name || 'Map') + '(' + sizeOf(o, Map) + ') ' + block('{', '}', MethodConcat(entries, props(false)), indent);
  }
  if (o instanceof Set || internals.kind(o) === 'set') {
    var members = [];
    intrinsic(o, Set.prototype.forEach, 'forEach', [function (val) { MethodPush(members, render(val, pad, seen)); }]);
    MethodSort(members);
    return (name || 'Set') + '(' + sizeOf(o, Set) + ') ' + block('{', '}', MethodConcat(members, props(false)), indent);
  }
  var k = internals.kind(o);
  var base = null;
  if (k === 'date') base = isNaN(intrinsic(o, Date.prototype.getTime, 'getTime')) ? 'Invalid Date' : intrinsic(o, Date.prototype.toISOString, 'toISOString');
  else if (k === 'regexp') base = intrinsic(o, RegExp.prototype.toString, 'toString');
  else if (k === 'error') base = errorHead(o);
  else if (k === 'number') base = '[Number: ' + render(intrinsic(o, Number.prototype.valueOf, 'valueOf'), pad, seen) + ']';
  else if (k === 'string') base = '[String: ' + quote(intrinsic(o, String.prototype.valueOf, 'valueOf')) + ']';
  else if (k === 'boolean') base = '[Boolean: ' + intrinsic(o, Boolean.prototype.valueOf, 'valueOf') + ']';
  else if (k === 'bigint') base = '[BigInt: ' + intrinsic(o, BigInt.prototype.valueOf, 'valueOf') + 'n]';
  else if (k === 'symbol') base = '[Symbol: ' + String(intrinsic(o, Symbol.prototype.valueOf, 'valueOf')) + ']';
  else if (k === 'arraybuffer') {
    var bytes = new Uint8Array(o);
    var hex = [];
    for (var b = 0; b < bytes.length && b < 50; b++) MethodPush(hex, (bytes[b] < 16 ? '0' : '') + bytes[b].toString(16));
    if (bytes.length > 50) MethodPush(hex, '... ' + (bytes.length - 50) + ' more byte' + (bytes.length - 50 > 1 ? 's' : ''));
    var abItems = MethodConcat(['[Uint8Contents]: <' + MethodJoin(hex, ' ') + '>', 'byteLength: ' + o.byteLength], props(false));
    return (name || 'ArrayBuffer') + ' ' + block('{', '}', abItems, indent);
  }
  if (base !== null) {
    var bp = props(k === 'string');
    if (k === 'error') bp = MethodFilter(bp, function (p) { return MethodIndexOf(p, 'stack: ') !== 0 && MethodIndexOf(p, 'message: ') !== 0; });
    return bp.length ? block(base + ' {', '}', bp, indent) : base;
  }
  if (o instanceof Promise) return (name || 'Promise') + ' {\n' + pad + '<pending>\n' + indent + '}';
  var op = prefixed(name, 'Object', 'Object');
  var tag = o[Symbol.toStringTag];
  if (typeof tag === 'string' && tag !== '' && tag !== name) op = (name === null ? 'Object' : (name || 'Object')) + ' [' + tag + '] ';
  return op + block('{', '}', props(false), indent);
}

// intrinsic(o, fn, name) calls a builtin method on o, falling back to o's
// own method for objects of other contexts (membrane proxies).
function intrinsic(o, fn, name, args) {
  try {
    return FunctionPrototypeApply(fn, o, args || []);
  } catch (e) {
    return FunctionPrototypeApply(o[name], o, args || []);
  }
}
function sizeOf(o, C) {
  try {
    return FunctionPrototypeCall(ObjectGetOwnPropertyDescriptor(C.prototype, 'size').get, o);
  } catch (e) {
    return o.size;
  }
}

function errorHead(e) {
  var stack = e.stack;
  if (typeof stack === 'string' && stack !== '') {
    return MethodReplace(stack, /\t/g, '    ');
  }
  return '[' + ErrorPrototypeToString(e) + ']';
}

function inspectValue(v) {
  return render(v, '', []);
}

// ---- messages ----

var kReadable = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

function isObj(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function trimLong(lines) {
  if (lines.length > 50) {
    lines = MethodSlice(lines, 0, 46);
    MethodPush(lines, '...');
  }
  return lines;
}

// diffMessage renders actual and expected and shows their line differences,
// as Node's assertion messages do for strictEqual and deepStrictEqual.
function diffMessage(actual, expected, operator, header) {
  var actualText = inspectValue(actual);
  var A = MethodSplit(actualText, '\n');
  var E = MethodSplit(inspectValue(expected), '\n');
  if (operator === 'strictEqual' && isObj(actual) && isObj(expected)) operator = 'strictEqualObject';
  if (header === undefined) header = kReadable[operator];
  var caret = '';
  if (A.length === 1 && E.length === 1 && A[0] !== E[0]) {
    var total = A[0].length + E[0].length;
    if (total <= 12) {
      if (!isObj(actual) && !isObj(expected) && (actual !== 0 || expected !== 0)) {
        return header + '\n\n' + A[0] + ' !== ' + E[0] + '\n';
      }
    } else if (operator !== 'strictEqualObject' && total < 80) {
      var p = 0;
      while (A[0][p] === E[0][p]) p++;
      if (p > 2) caret = '\n  ' + MethodRepeat(' ', p) + '^';
    }
  }
  // The common tail is shown once, shortened.
  var tail = [];
  while (A.length && E.length && A[A.length - 1] === E[E.length - 1]) {
    MethodUnshift(tail, MethodPop(A));
    MethodPop(E);
  }
  if (A.length === 0 && E.length === 0) {
    return kReadable.notIdentical + '\n\n' + MethodJoin(trimLong(MethodSplit(actualText, '\n')), '\n') + '\n';
  }
  var skipped = false;
  var end = '';
  if (tail.length > 0) {
    var shown = MethodSlice(tail, -3);
    if (tail.length >= 5) { MethodUnshift(shown, '...'); skipped = true; }
    if (tail.length >= 4) MethodUnshift(shown, tail[0]);
    end = MethodJoin(MethodMap(shown, function (l) { return l === '...' ? '\n...' : '\n  ' + l; }), '');
  }
  var out = '';
  var pending = ''; // expected-side lines waiting to follow a run of actual-side lines
  var same = 0;     // identical lines in the current run
  var printed = 0;
  var n = MathMax(A.length, E.length);
  var longer = A.length >= E.length ? A : E;
  var shorter = A.length >= E.length ? E.length : A.length;
  var sign = A.length >= E.length ? '+' : '-';
  var context = function (lines, i) {
    // the last lines of an identical run before a change
    if (same > 2) {
      if (same > 3) {
        if (same > 4) {
          if (same === 5) { out += '\n  ' + lines[i - 3]; printed++; } else { out += '\n...'; skipped = true; }
        }
        out += '\n  ' + lines[i - 2]; printed++;
      }
      out += '\n  ' + lines[i - 1]; printed++;
    }
    same = 0;
  };
  for (var i = 0; i < n; i++) {
    if (i >= shorter) {
      context(longer, i);
      if (sign === '+') out += '\n+ ' + longer[i];
      else pending += '\n- ' + longer[i];
      printed++;
    } else {
      var a = A[i], e = E[i];
      var differs = a !== e && !(MethodSlice(a, -1) === ',' && MethodSlice(a, 0, -1) === e);
      if (differs && MethodSlice(e, -1) === ',' && MethodSlice(e, 0, -1) === a) {
        differs = false;
        a += ',';
      }
      if (differs) {
        context(A, i);
        out += '\n+ ' + a;
        pending += '\n- ' + e;
        printed += 2;
      } else {
        out += pending;
        pending = '';
        same++;
        if (same <= 2) { out += '\n  ' + a; printed++; }
      }
    }
    if (printed > 50 && i < n - 2) {
      return header + '\n+ actual - expected ... Lines skipped\n' + out + '\n...' + pending + '\n...';
    }
  }
  return header + '\n+ actual - expected' + (skipped ? ' ... Lines skipped' : '') + '\n' + out + pending + end + caret;
}

function truncate(s, n) {
  return s.length > n ? MethodSlice(s, 0, n) + '...' : s;
}

function generatedMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return diffMessage(actual, expected, operator);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    var base = kReadable[operator];
    var lines = MethodSplit(inspectValue(actual), '\n');
    if (operator === 'notStrictEqual' && isObj(actual)) base = kReadable.notStrictEqualObject;
    lines = trimLong(lines);
    if (lines.length === 1) return base + ' ' + lines[0];
    return base + '\n\n' + MethodJoin(lines, '\n') + '\n';
  }
  var res = inspectValue(actual);
  var other = inspectValue(expected);
  var known = kReadable[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = known + '\n\n' + res;
    if (res.length > 1024) res = MethodSlice(res, 0, 1021) + '...';
    return res;
  }
  if (res.length > 512) res = MethodSlice(res, 0, 509) + '...';
  if (other.length > 512) other = MethodSlice(other, 0, 509) + '...';
  if (operator === 'deepEqual') {
    return known + '\n\n' + res + '\n\nshould loosely deep-equal\n\n' + other;
  }
  if (known) {
    var other2 = kReadable.notDeepEqualUnequal;
    if (operator === 'notDeepEqual') return other2 + '\n\n' + res + '\n\nshould not loosely deep-equal\n\n' + other;
    return known + '\n\n' + res + '\n\n' + other;
  }
  return res + ' ' + operator + ' ' + other;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw internals.invalidArgType('options', 'of type object', options);
    }
    var message = options.message, actual = options.actual, expected = options.expected;
    var operator = options.operator;
    var text;
    var generated = false;
    if (message != null) {
      text = String(message);
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        if (text !== '') {
          var d = diffMessage(actual, expected, operator, text);
          // Node keeps the custom text as the header of a diff, and drops it
          // when the values only differ by reference.
          text = d;
        }
      }
    } else {
      generated = true;
      text = generatedMessage(actual, expected, operator);
    }
    super(text);
    if (message != null && (operator === 'deepStrictEqual' || operator === 'strictEqual') && String(message) === '') {
      this.message = generatedMessage(actual, expected, operator);
    }
    ObjectDefineProperty(this, 'generatedMessage', { value: generated, enumerable: true, writable: true, configurable: true });
    ObjectDefineProperty(this, 'code', { value: 'ERR_ASSERTION', enumerable: true, writable: true, configurable: true });
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    var st = this.stack;
    if (typeof st === 'string') {
      var head = 'AssertionError: ' + this.message;
      var rest = MethodIndexOf(st, head) === 0 ? MethodSlice(st, head.length) : MethodSlice(st, MethodIndexOf(st, '\n') >= 0 ? MethodIndexOf(st, '\n') : st.length);
      // hide assert's own frames, as Node's stackStartFn does
      rest = MethodJoin(MethodFilter(MethodSplit(rest, '\n'), function (l) { return !/^\s*at (?:.*\()?node:assert:/.test(l); }), '\n');
      ObjectDefineProperty(this, 'stack', { value: 'AssertionError [ERR_ASSERTION]: ' + this.message + rest, writable: true, configurable: true, enumerable: false });
    }
  }
  toString() {
    return this.name + ' [' + this.code + ']: ' + this.message;
  }
}
ObjectDefineProperty(AssertionError.prototype, 'name', { value: 'AssertionError', writable: true, configurable: true, enumerable: false });

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

// ---- assertions ----

function innerOk(fn, argLen, value, message) {
  if (value) return;
  var generated = false;
  if (argLen === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    var src = internals.callerSource(new Error().stack);
    if (src) message = 'The expression evaluated to a falsy value:\n\n  ' + src + '\n';
    else message = inspectValue(value) + ' == true';
  } else if (message instanceof Error) {
    throw message;
  }
  var err = new AssertionError({ actual: value, expected: true, message: message, operator: '==' });
  err.generatedMessage = generated;
  throw err;
}

function ok(value, message) { innerOk(ok, arguments.length, value, message); }
function assert(value, message) { innerOk(assert, arguments.length, value, message); }

function missingArgs(n) {
  if (n < 2) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
}

function fail(actual, expected, message, operator) {
  var n = arguments.length;
  var internalMessage = false;
  if (n === 0) {
    internalMessage = 'Failed';
  } else if (n === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (n === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  var opts = { actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, message: message };
  if (n >= 2 && message == null) opts.message = inspectValue(actual) + ' ' + opts.operator + ' ' + inspectValue(expected);
  if (internalMessage) opts.message = internalMessage;
  var err = new AssertionError(opts);
  if (internalMessage || (n >= 2 && message == null)) err.generatedMessage = true;
  throw err;
}

function equal(actual, expected, message) {
  missingArgs(arguments.length);
  if (actual != expected && (actual === actual || expected === expected)) {
    innerFail({ actual: actual, expected: expected, message: message, operator: '==' });
  }
}
function notEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (actual == expected || (actual !== actual && expected !== expected)) {
    innerFail({ actual: actual, expected: expected, message: message, operator: '!=' });
  }
}
function deepEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (!internals.deepEqual(actual, expected, false)) innerFail({ actual: actual, expected: expected, message: message, operator: 'deepEqual' });
}
function notDeepEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (internals.deepEqual(actual, expected, false)) innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepEqual' });
}
function deepStrictEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (!internals.deepEqual(actual, expected, true)) innerFail({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' });
}
function notDeepStrictEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (internals.deepEqual(actual, expected, true)) innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepStrictEqual' });
}
function strictEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (!ObjectIs(actual, expected)) innerFail({ actual: actual, expected: expected, message: message, operator: 'strictEqual' });
}
function notStrictEqual(actual, expected, message) {
  missingArgs(arguments.length);
  if (ObjectIs(actual, expected)) innerFail({ actual: actual, expected: expected, message: message, operator: 'notStrictEqual' });
}

function isRegExp(v) { return internals.kind(v) === 'regexp'; }
function isError(v) { return internals.kind(v) === 'error' || v instanceof Error; }

class Comparison {
  constructor(obj, keys, actual) {
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) && intrinsic(obj[key], RegExp.prototype.test, 'test', [actual[key]])) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareKey(actual, expected, key, message, keys, fnName) {
  if (!(key in actual) || !internals.deepEqual(actual[key], expected[key], true)) {
    if (!message) {
      var a = new Comparison(actual, keys);
      var b = new Comparison(expected, keys, actual);
      var err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual' });
      err.actual = actual;
      err.expected = expected;
      err.operator = fnName;
      throw err;
    }
    innerFail({ actual: actual, expected: expected, message: message, operator: fnName });
  }
}

function expectedException(actual, expected, message, fnName) {
  var generated = false;
  var throwError = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      var str = String(actual);
      if (intrinsic(expected, RegExp.prototype.exec, 'exec', [str]) !== null) return;
      if (!message) {
        generated = true;
        message = 'The input did not match the regular expression ' + inspectValue(expected) + '. Input:\n\n' + inspectValue(str) + '\n';
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      var err0 = new AssertionError({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' });
      err0.operator = fnName;
      throw err0;
    } else {
      var keys = ObjectKeys(expected);
      if (expected instanceof Error) MethodPush(keys, 'name', 'message');
      else if (keys.length === 0) {
        throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE',
          "The argument 'error' may not be an empty object. Received " + inspectValue(expected));
      }
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) && intrinsic(expected[key], RegExp.prototype.exec, 'exec', [actual[key]]) !== null) continue;
        compareKey(actual, expected, key, message, keys, fnName);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected) || expected === Error) {
    if (!message) {
      generated = true;
      message = 'The error is expected to be an instance of "' + expected.name + '". Received ';
      if (isError(actual)) {
        var name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) message += 'an error with identical name but a different prototype.';
        else message += '"' + name + '"';
        if (actual.message) message += '\n\nError message:\n\n' + actual.message;
      } else {
        message += '"' + inspectValue(actual) + '"';
      }
    }
    throwError = true;
  } else {
    var res = FunctionPrototypeCall(expected, {}, actual);
    if (res !== true) {
      if (!message) {
        generated = true;
        var fname = expected.name ? '"' + expected.name + '" ' : '';
        message = 'The ' + fname + 'validation function is expected to return "true". Received ' + inspectValue(res);
        if (isError(actual)) message += '\n\nCaught error:\n\n' + actual;
      }
      throwError = true;
    }
  }
  if (throwError) {
    var err = new AssertionError({ actual: actual, expected: expected, message: message, operator: fnName });
    err.generatedMessage = generated;
    throw err;
  }
}

var NO_EXCEPTION = {};

function getActual(fn) {
  if (typeof fn !== 'function') throw internals.invalidArgType('fn', 'of type function', fn);
  try {
    fn();
  } catch (e) {
    internals.engineError(e); // as Node sees an error the engine threw
    return e;
  }
  return NO_EXCEPTION;
}

function checkIsPromise(obj) {
  return obj instanceof Promise || (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
}

// promiseFn is called at once, as Node's async waitForActual does (a
// synchronous throw becomes the rejection); the result is awaited in a job
function waitForActual(promiseFn) {
  var resultPromise;
  try {
    if (typeof promiseFn === 'function') {
      resultPromise = promiseFn();
      if (!checkIsPromise(resultPromise)) {
        throw internals.newError('TypeError', 'ERR_INVALID_RETURN_VALUE',
          'Expected instance of Promise to be returned from the "promiseFn" function but got ' + internals.describe(resultPromise) + '.');
      }
    } else if (checkIsPromise(promiseFn)) {
      resultPromise = promiseFn;
    } else {
      throw internals.invalidArgType('promiseFn', 'of type function or an instance of Promise', promiseFn);
    }
  } catch (e) {
    return PromiseReject(e);
  }
  return MethodThen(PromiseResolve(), function () {
    return MethodThen(resultPromise, function () { return NO_EXCEPTION; }, function (e) { internals.engineError(e); return e; });
  });
}

var errorArgPhrase = 'of type function or an instance of Error, RegExp, or Object';

function expectsError(fnName, actual, error, message, nargs) {
  if (typeof error === 'string') {
    if (nargs === 3) throw internals.invalidArgType('error', errorArgPhrase, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw internals.newError('TypeError', 'ERR_AMBIGUOUS_ARGUMENT',
          'The "error/message" argument is ambiguous. The error message "' + actual.message + '" is identical to the message.');
      }
    } else if (actual === error) {
      throw internals.newError('TypeError', 'ERR_AMBIGUOUS_ARGUMENT',
        'The "error/message" argument is ambiguous. The error "' + actual + '" is identical to the message.');
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw internals.invalidArgType('error', errorArgPhrase, error);
  }
  if (actual === NO_EXCEPTION) {
    var details = '';
    if (error && error.name) details += ' (' + error.name + ')';
    details += message ? ': ' + message : '.';
    var fnType = fnName === 'rejects' ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: fnName, message: 'Missing expected ' + fnType + details });
  }
  if (!error) return;
  expectedException(actual, error, message, fnName);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return intrinsic(expected, RegExp.prototype.exec, 'exec', [String(actual)]) !== null;
    throw internals.invalidArgType('expected', 'of type function or an instance of RegExp', expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Error.isPrototypeOf(expected)) return false;
  return FunctionPrototypeCall(expected, {}, actual) === true;
}

function expectsNoError(fnName, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    var details = message ? ': ' + message : '.';
    var fnType = fnName === 'doesNotReject' ? 'rejection' : 'exception';
    innerFail({
      actual: actual, expected: error, operator: fnName,
      message: 'Got unwanted ' + fnType + details + '\nActual message: "' + (actual && actual.message) + '"',
    });
  }
  throw actual;
}

function throws(fn, error, message) {
  expectsError('throws', getActual(fn), error, message, arguments.length);
}
function rejects(promiseFn, error, message) {
  var n = arguments.length;
  return MethodThen(waitForActual(promiseFn), function (actual) { expectsError('rejects', actual, error, message, n); });
}
function doesNotThrow(fn, error, message) {
  expectsNoError('doesNotThrow', getActual(fn), error, message);
}
function doesNotReject(fn, error, message) {
  return MethodThen(waitForActual(fn), function (actual) { expectsNoError('doesNotReject', actual, error, message); });
}

function ifError(err) {
  if (err !== null && err !== undefined) {
    var message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspectValue(err);
    }
    var e = new AssertionError({ actual: err, expected: null, operator: 'ifError', message: message });
    e.generatedMessage = false;
    var origStack = err.stack;
    if (typeof origStack === 'string') {
      var tmp = MethodSplit(origStack, '\n');
      MethodShift(tmp);
      var own = MethodSplit(e.stack, '\n');
      e.stack = MethodJoin(MethodConcat(MethodSlice(own, 0, 1), tmp), '\n');
    }
    throw e;
  }
}

function internalMatch(string, regexp, message, fnName) {
  if (!isRegExp(regexp)) throw internals.invalidArgType('regexp', 'an instance of RegExp', regexp);
  var match = fnName === 'match';
  if (typeof string !== 'string' || (intrinsic(regexp, RegExp.prototype.exec, 'exec', [string]) !== null) !== match) {
    if (message instanceof Error) throw message;
    var generated = !message;
    message = message || (typeof string !== 'string'
      ? 'The "string" argument must be of type string. Received type ' + typeof string + ' (' + inspectValue(string) + ')'
      : (match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression ') +
        inspectValue(regexp) + '. Input:\n\n' + inspectValue(string) + '\n');
    var err = new AssertionError({ actual: string, expected: regexp, message: message, operator: fnName });
    err.generatedMessage = generated;
    throw err;
  }
}
function match(string, regexp, message) { internalMatch(string, regexp, message, 'match'); }
function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, 'doesNotMatch'); }

function CallTracker() {
  throw internals.newError('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The CallTracker() method is not implemented');
}

function fill(target, strictMode) {
  target.fail = fail;
  target.AssertionError = AssertionError;
  target.ok = ok;
  target.equal = strictMode ? strictEqual : equal;
  target.notEqual = strictMode ? notStrictEqual : notEqual;
  target.deepEqual = strictMode ? deepStrictEqual : deepEqual;
  target.notDeepEqual = strictMode ? notDeepStrictEqual : notDeepEqual;
  target.deepStrictEqual = deepStrictEqual;
  target.notDeepStrictEqual = notDeepStrictEqual;
  target.strictEqual = strictEqual;
  target.notStrictEqual = notStrictEqual;
  target.throws = throws;
  target.rejects = rejects;
  target.doesNotThrow = doesNotThrow;
  target.doesNotReject = doesNotReject;
  target.ifError = ifError;
  target.match = match;
  target.doesNotMatch = doesNotMatch;
  target.CallTracker = CallTracker;
}

function strict(value, message) { innerOk(strict, arguments.length, value, message); }
fill(assert, false);
fill(strict, true);
assert.strict = strict;
strict.strict = strict;

module.exports = { assert: assert, strict: strict, inspectValue: inspectValue };
