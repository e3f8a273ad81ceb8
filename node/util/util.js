'use strict';
// The JavaScript half of the `util` builtin. Wrapped by util.go in
// (function (module, exports, go) { ... }); `go` holds the native helpers.

const kCustomPromisified = SymbolFor('nodejs.util.promisify.custom');
const kCustomPromisifyArgs = go.customPromisifyArgs;

function validateFunction(value, name) {
  if (typeof value !== 'function') throw go.invalidArgType(name, 'of type function', value);
}

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisified]) {
    const fn = original[kCustomPromisified];
    validateFunction(fn, 'util.promisify.custom');
    return ObjectDefineProperty(fn, kCustomPromisified, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      MethodPush(args, (err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      ReflectApply(original, this, args);
    });
  }
  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustomPromisified, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descs = ObjectGetOwnPropertyDescriptors(original);
  for (const k of SafeIterable(ReflectOwnKeys(descs))) {
    try { ObjectDefineProperty(fn, k, descs[k]); } catch { /* non-configurable */ }
  }
  return fn;
}
promisify.custom = kCustomPromisified;

function later(fn, ...args) {
  const p = globalThis.process;
  if (p && typeof p.nextTick === 'function') p.nextTick(fn, ...SafeIterable(args));
  else MethodThen(PromiseResolve(), () => fn(...SafeIterable(args)));
}

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const err = go.nodeError('Error', 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
    err.reason = reason;
    reason = err;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = MethodPop(args);
    validateFunction(maybeCb, 'last argument');
    const cb = FunctionPrototypeBind(maybeCb, this);
    MethodThen(ReflectApply(original, this, args), (ret) => later(cb, null, ret), (rej) => later(callbackifyOnRejected, rej, cb));
  }
  const descs = ObjectGetOwnPropertyDescriptors(original);
  if (typeof descs.length.value === 'number') descs.length.value++;
  if (typeof descs.name.value === 'string') descs.name.value += 'Callbackified';
  const proto = ObjectGetPrototypeOf(original);
  ObjectSetPrototypeOf(callbackified, proto);
  for (const k of SafeIterable(ReflectOwnKeys(descs))) {
    try { ObjectDefineProperty(callbackified, k, descs[k]); } catch { /* non-configurable */ }
  }
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw go.invalidArgType('ctor', 'of type function', ctor);
  if (superCtor === undefined || superCtor === null) throw go.invalidArgType('superCtor', 'of type function', superCtor);
  if (superCtor.prototype === undefined) {
    throw go.invalidArgType('superCtor.prototype', 'of type object', superCtor.prototype);
  }
  ObjectDefineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

const codesWarned = new Set();
function deprecate(fn, msg, code) {
  if (typeof fn !== 'function') throw go.invalidArgType('fn', 'of type function', fn);
  if (code !== undefined && typeof code !== 'string') throw go.invalidArgType('code', 'of type string', code);
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code !== undefined) {
        if (!MethodHas(codesWarned, code)) {
          MethodAdd(codesWarned, code);
          go.warn(String(msg), 'DeprecationWarning', code, deprecated);
        }
      } else {
        go.warn(String(msg), 'DeprecationWarning', undefined, deprecated);
      }
    }
    if (new.target) return ReflectConstruct(fn, args, new.target);
    return ReflectApply(fn, this, args);
  }
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function debuglog(set, cb) {
  const enabled = MethodSome(MethodSplit((String((globalThis.process && globalThis.process.env && globalThis.process.env.NODE_DEBUG) || '')), /[\s,]+/), (s) => s && new RegExp('^' + MethodReplace(MethodReplace(s, /[|\\{}()[\]^$+?.]/g, '\\$&'), /\*/g, '.*') + '$', 'i').test(set));
  const pid = go.pid;
  const logger = enabled ?
    (...args) => go.stderr(`${MethodToUpperCase(set)} ${pid}: ${exports.format(...SafeIterable(args))}\n`) :
    () => {};
  if (typeof cb === 'function') cb(logger);
  ObjectDefineProperty(logger, 'enabled', { get() { return enabled; }, configurable: true, enumerable: true });
  return logger;
}

function isError(e) {
  return exports.types.isNativeError(e) || e instanceof Error;
}

// util.aborted: a promise settled when signal aborts (at once if it has);
// resource is what the caller's operation holds (node keeps it weakly).
// Async as node's: bad arguments reject.
async function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw go.invalidArgType('signal', 'an instance of AbortSignal', signal);
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw go.invalidArgType('resource', 'of type object', resource);
  }
  if (signal.aborted) return PromiseResolve(); // (a promise: node's tick order)
  return new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
}

// util._extend (deprecated, DEP0060; documentation-only in v20): the own
// enumerable keys of source copied onto target, as Node's.
function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = ObjectKeys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

ObjectAssign(exports, {
  _extend,
  promisify,
  aborted,
  callbackify,
  inherits,
  deprecate,
  debuglog,
  debug: debuglog,
  isArray: Array.isArray,
  isBoolean: (a) => typeof a === 'boolean',
  isBuffer: (a) => typeof globalThis.Buffer === 'function' && globalThis.Buffer.isBuffer(a),
  isNull: (a) => a === null,
  isNullOrUndefined: (a) => a === null || a === undefined,
  isNumber: (a) => typeof a === 'number',
  isString: (a) => typeof a === 'string',
  isSymbol: (a) => typeof a === 'symbol',
  isUndefined: (a) => a === undefined,
  isRegExp: (a) => exports.types.isRegExp(a),
  isObject: (a) => a !== null && typeof a === 'object',
  isDate: (a) => exports.types.isDate(a),
  isError,
  isFunction: (a) => typeof a === 'function',
  isPrimitive: (a) => a === null || (typeof a !== 'object' && typeof a !== 'function'),
  stripVTControlCharacters(str) {
    if (typeof str !== 'string') throw go.invalidArgType('str', 'of type string', str);
    // eslint-disable-next-line no-control-regex
    return MethodReplace(str, /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
  },
  toUSVString(str) {
    return MethodReplace(String(str), /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  },
});
