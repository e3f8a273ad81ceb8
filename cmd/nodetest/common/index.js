// Stand-in for Node's test/common/index.js, written for jsvm's conformance
// runner (cmd/nodetest). It provides the helpers Node's vm tests use, with
// the same observable behaviour: call-count checks reported at exit, skips
// printed as TAP "1..0 # Skipped: ...", a leaked-globals check.
'use strict';

const assert = require('assert');

const platform = process.platform;
const isWindows = platform === 'win32';
const isLinux = platform === 'linux';
const isOSX = platform === 'darwin';
const isAIX = platform === 'aix';
const isSunOS = platform === 'sunos';
const isFreeBSD = platform === 'freebsd';
const isOpenBSD = platform === 'openbsd';

function tryRequire(name) {
  try {
    return require(name);
  } catch {
    return undefined;
  }
}

// ---- call-count checks -------------------------------------------------

const noop = () => {};
const callChecks = [];
let exitHooked = false;

function callSite(skip) {
  const lines = String(new Error().stack || '').split('\n');
  // lines[0] is "Error"; then this function, then the helper, then the
  // caller of the helper.
  return lines.slice(skip + 1).join('\n');
}

function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', onExit);
}

function onExit(code) {
  const failures = [];
  for (const c of callChecks) {
    if (c.exact !== undefined) {
      if (c.actual !== c.exact) {
        failures.push(`Mismatched ${c.name} function calls. ` +
          `Expected exactly ${c.exact}, actual ${c.actual}.\n${c.stack}`);
      }
    } else if (c.actual < c.minimum) {
      failures.push(`Mismatched ${c.name} function calls. ` +
        `Expected at least ${c.minimum}, actual ${c.actual}.\n${c.stack}`);
    }
  }
  const leaked = leakedGlobals();
  if (leaked.length > 0) {
    failures.push(`Unexpected global(s) found: ${leaked.join(', ')}`);
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(`AssertionError [ERR_ASSERTION]: ${f}`);
    // Not process.exit(): Node prints an uncaught error after the 'exit'
    // listeners have run, and exiting here would hide it.
    if (!process.exitCode) process.exitCode = 1;
  }
}

function makeCallCheck(fn, exact, minimum) {
  if (typeof fn === 'number') {
    exact === undefined ? (exact = fn) : (minimum = fn);
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (typeof fn !== 'function') {
    throw new TypeError('mustCall: fn must be a function');
  }
  const check = {
    name: fn.name || '<anonymous>',
    exact,
    minimum,
    actual: 0,
    stack: callSite(3),
  };
  callChecks.push(check);
  hookExit();
  const wrapper = function(...args) {
    check.actual++;
    return fn.apply(this, args);
  };
  try {
    Object.defineProperty(wrapper, 'length', { value: fn.length, configurable: true });
    Object.defineProperty(wrapper, 'name', { value: fn.name, configurable: true });
  } catch {
    // cosmetic only
  }
  return wrapper;
}

function mustCall(fn, exact) {
  if (typeof fn === 'number') return makeCallCheck(noop, fn);
  return makeCallCheck(fn, exact === undefined ? 1 : exact);
}

function mustCallAtLeast(fn, minimum) {
  if (typeof fn === 'number') return makeCallCheck(noop, undefined, fn);
  return makeCallCheck(fn, undefined, minimum === undefined ? 1 : minimum);
}

function mustNotCall(msg) {
  const where = callSite(2).split('\n')[0].trim();
  return function mustNotCall(...args) {
    let shown = '';
    if (args.length > 0) {
      const util = tryRequire('util');
      shown = ' with arguments: ' +
        args.map((a) => (util ? util.inspect(a) : String(a))).join(', ');
    }
    assert.fail(`${msg || 'function should not have been called'} ${where}${shown}`);
  };
}

function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

// expectsError(validation[, exact]) returns a function that checks the
// error it is given against `validation` (an object of expected
// properties, a class, a RegExp or a function, as assert.throws accepts).
// When `exact` is given the check must run exactly that many times.
function expectsError(validation, exact) {
  const check = function(error) {
    assert.throws(() => { throw error; }, validation);
    return true;
  };
  if (exact === undefined) return check;
  return mustCall(check, exact);
}

// ---- warnings ----------------------------------------------------------

let expectedWarnings;
function expectWarning(nameOrMap, expected, code) {
  if (expectedWarnings === undefined) {
    expectedWarnings = new Map();
    process.on('warning', (warning) => {
      const list = expectedWarnings.get(warning.name);
      assert.ok(list !== undefined, `unexpected warning ${warning.name}: ${warning.message}`);
      assert.ok(list.length > 0, `too many ${warning.name} warnings: ${warning.message}`);
      const [message, wantCode] = list.shift();
      if (message instanceof RegExp) {
        assert.match(warning.message, message);
      } else {
        assert.strictEqual(warning.message, message);
      }
      assert.strictEqual(warning.code, wantCode);
    });
    hookExit();
    process.on('exit', () => {
      for (const [name, list] of expectedWarnings) {
        if (list.length > 0) {
          console.error(`AssertionError [ERR_ASSERTION]: missing ${name} warning(s): ` +
            list.map((w) => String(w[0])).join('; '));
          if (!process.exitCode) process.exitCode = 1;
        }
      }
    });
  }
  const add = (name, entries) => {
    if (!expectedWarnings.has(name)) expectedWarnings.set(name, []);
    expectedWarnings.get(name).push(...entries);
  };
  const normalize = (value, c) => {
    if (typeof value === 'string' || value instanceof RegExp) return [[value, c]];
    if (Array.isArray(value) && value.length > 0 && !Array.isArray(value[0]) &&
        (typeof value[0] === 'string' || value[0] instanceof RegExp) &&
        (value.length === 1 || typeof value[1] === 'string' || value[1] === undefined) &&
        value.length <= 2) {
      return [[value[0], value[1]]];
    }
    return value.map((v) => (Array.isArray(v) ? [v[0], v[1]] : [v, undefined]));
  };
  if (typeof nameOrMap === 'string') {
    add(nameOrMap, normalize(expected, code));
  } else {
    for (const name of Object.keys(nameOrMap)) add(name, normalize(nameOrMap[name]));
  }
}

// ---- leaked globals -----------------------------------------------------

const knownGlobalNames = new Set(Object.getOwnPropertyNames(globalThis));
const knownGlobalValues = new Set();
for (const name of knownGlobalNames) {
  try {
    knownGlobalValues.add(globalThis[name]);
  } catch {
    // a throwing getter is not a leak
  }
}
// Names a host may define lazily or that Node's own checker allows.
for (const name of ['gc', 'Intl', 'SharedArrayBuffer', 'WebAssembly', 'Atomics',
  'fetch', 'FormData', 'Headers', 'Request', 'Response', 'crypto', 'Crypto',
  'CryptoKey', 'SubtleCrypto', 'navigator', 'Navigator', 'structuredClone',
  'BroadcastChannel', 'Blob', 'performance', 'queueMicrotask',
  'AbortController', 'AbortSignal', 'EventTarget', 'Event', 'MessageChannel',
  'MessagePort', 'MessageEvent', 'TextEncoder', 'TextDecoder', 'URL',
  'URLSearchParams', 'DOMException', 'global', 'globalThis', 'process',
  'Buffer', 'console', 'setTimeout', 'setInterval', 'setImmediate',
  'clearTimeout', 'clearInterval', 'clearImmediate', 'atob', 'btoa',
  'WebSocket', 'CustomEvent', 'File', 'CloseEvent', 'Iterator']) {
  knownGlobalNames.add(name);
}

function allowGlobals(...values) {
  for (const v of values) knownGlobalValues.add(v);
}

function leakedGlobals() {
  const leaked = [];
  for (const name in globalThis) {
    if (knownGlobalNames.has(name)) continue;
    let value;
    try {
      value = globalThis[name];
    } catch {
      continue;
    }
    if (!knownGlobalValues.has(value)) leaked.push(name);
  }
  return leaked;
}
hookExit();

// ---- misc ---------------------------------------------------------------

function platformTimeout(ms) {
  const factor = Number(process.env.NODE_TEST_TIMEOUT_FACTOR) || 1;
  if (typeof ms === 'bigint') return ms * BigInt(Math.ceil(factor));
  return ms * factor;
}

function skip(msg) {
  process.stdout.write(`1..0 # Skipped: ${msg}\n`);
  process.exit(0);
}

// quote returns a string literal for s the way Node's inspector quotes it:
// single quotes unless the text holds a single quote (then double quotes,
// then backticks), escaping what must be escaped.
function quote(s) {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

// invalidArgTypeHelper returns the " Received ..." tail of Node's
// ERR_INVALID_ARG_TYPE messages for input.
function invalidArgTypeHelper(input) {
  if (input == null) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name) {
      return ` Received an instance of ${input.constructor.name}`;
    }
    const util = tryRequire('util');
    if (util) return ` Received ${util.inspect(input, { depth: -1 })}`;
    return Object.getPrototypeOf(input) === null ?
      ' Received [Object: null prototype] {}' : ' Received [object]';
  }
  let shown;
  if (typeof input === 'string') {
    shown = quote(input.length > 28 ? `${input.slice(0, 25)}...` : input);
  } else if (typeof input === 'number') {
    shown = Object.is(input, -0) ? '-0' : String(input);
  } else if (typeof input === 'bigint') {
    shown = `${input}n`;
  } else {
    shown = String(input);
  }
  return ` Received type ${typeof input} (${shown})`;
}

const arrayBufferViewTypes = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array', 'DataView',
];

// getArrayBufferViews returns views of every kind over the bytes of buf.
function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const out = [];
  for (const name of arrayBufferViewTypes) {
    const Type = globalThis[name];
    if (typeof Type !== 'function') continue;
    const size = Type.BYTES_PER_ELEMENT || 1;
    if (byteLength % size !== 0) continue;
    out.push(new Type(buffer, byteOffset, byteLength / size));
  }
  return out;
}

function isMainThreadNow() {
  const wt = tryRequire('worker_threads');
  return wt ? wt.isMainThread : true;
}

function enoughMemory() {
  const os = tryRequire('os');
  if (!os || typeof os.totalmem !== 'function') return true;
  return os.totalmem() > 0x70000000;
}

const hasCrypto = Boolean(process.versions && process.versions.openssl) &&
  tryRequire('crypto') !== undefined;

module.exports = {
  allowGlobals,
  buildType: 'Release',
  expectsError,
  expectWarning,
  getArrayBufferViews,
  hasCrypto,
  hasIntl: typeof Intl === 'object' && Intl !== null,
  invalidArgTypeHelper,
  isAIX,
  isFreeBSD,
  isLinux,
  isOpenBSD,
  isOSX,
  isSunOS,
  isWindows,
  isIBMi: false,
  isASan: false,
  localhostIPv4: '127.0.0.1',
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  platformTimeout,
  PORT: 12346 + (Number(process.env.TEST_PARALLEL_SLOT) || 0) * 100,
  skip,
  get enoughTestMem() { return enoughMemory(); },
  get isMainThread() { return isMainThreadNow(); },
};
