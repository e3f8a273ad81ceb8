// Set-up of a sandbox's realm, run once per sandbox before any untrusted
// code: size caps on the builtins that allocate in one native step, the
// override-mistake enablements, then lockdown (every intrinsic reachable
// from the global, and the hidden ones, frozen; the global's standard
// bindings made read-only). checkSize is a Go function: (kind, bytes)
// throws a RangeError when one allocation would pass the sandbox's cap.
(function (checkSize, jsonDepth, checkSource, maxLength, maxArgs, maxNesting) {
  'use strict';
  const g = globalThis;
  const { freeze, getPrototypeOf, getOwnPropertyDescriptor, defineProperty } = Object;
  const { ownKeys, apply, construct } = Reflect;
  const hasInstance = Function.prototype[Symbol.hasInstance];
  delete g.GoError; // sobek's own, not a standard global
  delete g.WebAssembly; // jsvm's realms' (undefined here): wasm runs outside the sandbox's limits
  delete g.Intl; delete g.SharedArrayBuffer; delete g.Atomics; // jsvm's realms' too (undefined here)

  function method(obj, name, size) {
    const orig = obj[name];
    const w = { [name](...args) { size(this, args); return apply(orig, this, args); } }[name];
    defineProperty(w, 'length', { value: orig.length });
    defineProperty(obj, name, { value: w, writable: true, enumerable: false, configurable: true });
  }
  const num = (v) => { const n = +v; return n > 0 ? n : 0; };
  const isArray = Array.isArray;
  // safeLength checks the length a generic array method will iterate to
  // before sobek's native loop (which no interrupt stops) starts: a real
  // array, a Proxy (every step runs its traps) or an array-like whose
  // length is a plain value; at most maxLength.
  function safeLength(o) {
    if (isArray(o)) {
      if (o.length > maxLength) throw new RangeError('Invalid array length: ' + o.length + ' is more than the sandbox iterates in one builtin call (' + maxLength + ')');
      return;
    }
    if (o === null || o === undefined) return;
    o = Object(o);
    let d, p = o;
    while (p !== null && (d = getOwnPropertyDescriptor(p, 'length')) === undefined) p = getPrototypeOf(p);
    if (d === undefined) return;
    if (!('value' in d) || (typeof d.value === 'object' && d.value !== null) || typeof d.value === 'function') {
      throw new TypeError('a generic array method in a sandbox needs an array-like whose length is a plain value');
    }
    if (num(d.value) > maxLength) throw new RangeError('Invalid array length: ' + d.value + ' is more than the sandbox iterates in one builtin call (' + maxLength + ')');
  }
  for (const k of ownKeys(Array.prototype)) {
    if (k === 'constructor' || k === 'keys' || k === 'values' || k === 'entries' || k === Symbol.iterator || k === 'join' || k === 'fill') continue;
    const d = getOwnPropertyDescriptor(Array.prototype, k);
    if (typeof d.value !== 'function') continue;
    method(Array.prototype, k, k === 'concat'
      ? (self, a) => { safeLength(self); for (let i = 0; i < a.length; i++) if (typeof a[i] === 'object') safeLength(a[i]); }
      : (self) => safeLength(self));
  }
  // Strings: 2 bytes a code unit.
  const strMethod = (name, size) => {
    const orig = String.prototype[name];
    const w = { [name](...args) {
      const s = typeof this === 'string' ? this : String(this);
      size(s, args);
      return apply(orig, s, args);
    } }[name];
    defineProperty(w, 'length', { value: orig.length });
    defineProperty(String.prototype, name, { value: w, writable: true, enumerable: false, configurable: true });
  };
  // the count is converted once here and passed on as a number, so a
  // valueOf cannot answer the check and the builtin differently
  strMethod('repeat', (s, a) => { a[0] = +a[0]; checkSize('string', s.length * num(a[0]) * 2); });
  strMethod('padStart', (s, a) => { a[0] = +a[0]; checkSize('string', num(a[0]) * 2); });
  strMethod('padEnd', (s, a) => { a[0] = +a[0]; checkSize('string', num(a[0]) * 2); });
  strMethod('concat', (s, a) => {
    let n = s.length;
    for (let i = 0; i < a.length; i++) n += typeof a[i] === 'string' ? a[i].length : 24;
    checkSize('string', n * 2);
  });
  method(Array.prototype, 'join', (self, a) => {
    safeLength(self);
    const o = Object(self), len = num(o.length);
    const sep = a[0] === undefined ? 1 : String(a[0]).length;
    let n = len * sep;
    checkSize('string', n * 2);
    for (let i = 0; i < len; i++) { const e = o[i]; n += typeof e === 'string' ? e.length : 24; }
    checkSize('string', n * 2);
  });
  method(Array.prototype, 'fill', (self) => { safeLength(self); checkSize('array', num(Object(self).length) * 16); });
  // argument lists made from array-likes are allocated whole
  const argsOK = (list) => {
    if (list !== null && list !== undefined && typeof list === 'object') {
      safeLength(list);
      if (num(list.length) > maxArgs) throw new RangeError('Maximum call stack size exceeded (more than ' + maxArgs + ' arguments)');
    }
  };
  method(Function.prototype, 'apply', (self, a) => argsOK(a[1]));
  method(Reflect, 'apply', (self, a) => argsOK(a[2]));
  method(Reflect, 'construct', (self, a) => argsOK(a[1]));
  const arrayFrom = Array.from;
  defineProperty(Array, 'from', { value: { from(items, ...rest) {
    if (items !== null && items !== undefined && typeof items[Symbol.iterator] !== 'function') {
      safeLength(items);
      checkSize('array', num(Object(items).length) * 16);
    }
    return apply(arrayFrom, this, [items, ...rest]);
  } }.from, writable: true, configurable: true });
  // JSON.stringify recurses on the Go stack: a replacer that tracks each
  // value's depth bounds it (and runs JS at every step, so an interrupt
  // lands). An array replacer keeps the builtin; a bounded walk of the
  // data properties checks the depth first.
  const jsonStringify = JSON.stringify;
  defineProperty(JSON, 'stringify', { value: { stringify(value, replacer, space) {
    if (isArray(replacer)) {
      const seen = new Set(), stack = [[value, 0]];
      while (stack.length) {
        const [v, d] = stack.pop();
        if (typeof v !== 'object' || v === null || seen.has(v)) continue;
        if (d > maxNesting) throw new RangeError('Maximum call stack size exceeded');
        seen.add(v);
        for (const k of ownKeys(v)) { const pd = getOwnPropertyDescriptor(v, k); if (pd && 'value' in pd) stack.push([pd.value, d + 1]); }
      }
      return apply(jsonStringify, JSON, [value, replacer, space]);
    }
    const user = typeof replacer === 'function' ? replacer : undefined;
    const depth = new WeakMap();
    function track(k, v) {
      const d = depth.get(this) || 0;
      if (user !== undefined) v = apply(user, this, [k, v]);
      if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
        if (d >= maxNesting) throw new RangeError('Maximum call stack size exceeded');
        depth.set(v, d + 1);
      }
      return v;
    }
    return apply(jsonStringify, JSON, [value, track, space]);
  } }.stringify, writable: true, configurable: true });
  const jsonParse = JSON.parse;
  defineProperty(JSON, 'parse', { value: { parse(text, reviver) {
    const s = String(text);
    jsonDepth(s);
    return apply(jsonParse, JSON, [s, reviver]);
  } }.parse, writable: true, configurable: true });

  // Constructors that allocate: a Proxy with a construct trap checks the
  // size; it answers @@hasInstance itself (sobek cannot instanceof a Proxy
  // of a function) and replaces the original everywhere it is named.
  function capCtor(name, size, orig = g[name], callToo = false) {
    const own = (v) => apply(hasInstance, orig, [v]);
    const p = new Proxy(orig, {
      construct(t, args, nt) { size(args); return construct(t, args, nt === p ? t : nt); },
      apply(t, self, args) { if (callToo) size(args); return apply(t, self, args); },
      get(t, k, r) { return k === Symbol.hasInstance ? own : Reflect.get(t, k, r); },
    });
    defineProperty(orig.prototype, 'constructor', { value: p, writable: true, enumerable: false, configurable: true });
    if (name !== undefined) defineProperty(g, name, { value: p, writable: true, enumerable: false, configurable: true });
  }
  // Code compiled at run time goes through the same nesting bound as the
  // scripts (sobek's parser recurses on the Go stack). eval becomes an
  // indirect eval: a wrapper cannot be a direct eval.
  const checkCode = (args) => { for (let i = 0; i < args.length; i++) if (typeof args[i] === 'string') checkSource(args[i]); };
  capCtor('Function', checkCode, Function, true);
  capCtor(undefined, checkCode, getPrototypeOf(function* () {}).constructor, true);
  capCtor(undefined, checkCode, getPrototypeOf(async function () {}).constructor, true);
  const evalFn = g.eval;
  defineProperty(g, 'eval', { value: { eval(src) { if (typeof src === 'string') checkSource(src); return evalFn(src); } }.eval, writable: true, configurable: true });
  const bufferLike = (a) => a !== null && typeof a === 'object';
  capCtor('ArrayBuffer', (args) => { args[0] = +args[0]; checkSize('buffer', num(args[0])); });
  for (const [name, k] of [['Int8Array', 1], ['Uint8Array', 1], ['Uint8ClampedArray', 1], ['Int16Array', 2], ['Uint16Array', 2],
    ['Int32Array', 4], ['Uint32Array', 4], ['Float32Array', 4], ['Float64Array', 8], ['BigInt64Array', 8], ['BigUint64Array', 8]]) {
    capCtor(name, (args) => {
      const a = args[0];
      if (!bufferLike(a)) {
        if (typeof a !== 'symbol' && typeof a !== 'bigint') args[0] = +a;
        checkSize('buffer', num(args[0]) * k);
      } else if (!(a instanceof g.ArrayBuffer) && !ArrayBuffer.isView(a)) {
        // an array-like or iterable: made a real array here (interruptible,
        // its length fixed) before the builtin sizes the buffer
        const list = typeof a[Symbol.iterator] === 'function' ? [...a] : (safeLength(a), apply(arrayFrom, Array, [a]));
        checkSize('buffer', list.length * k);
        args[0] = list;
      }
    });
  }
  capCtor('Array', (args) => { if (args.length === 1 && typeof args[0] === 'number') checkSize('array', args[0] * 16); });

  // The override mistake: with frozen prototypes, `obj.toString = f` would
  // fail on every object. These properties become accessors whose setter
  // defines an own property on the receiver (SES's "moderate" set).
  function enable(obj, names) {
    for (const name of names) {
      const d = getOwnPropertyDescriptor(obj, name);
      if (!d || !('value' in d) || !d.configurable) continue;
      const value = d.value;
      defineProperty(obj, name, {
        get: { [name]() { return value; } }[name],
        set: { [name](v) {
          if (this === obj) throw new TypeError(`Cannot assign to read only property '${String(name)}' of object`);
          defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
        } }[name],
        enumerable: d.enumerable, configurable: false,
      });
    }
  }
  enable(Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);
  enable(Function.prototype, ['constructor', 'toString', 'call', 'apply', 'bind']);
  for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError]) {
    enable(E.prototype, ['constructor', 'name', 'message', 'toString']);
  }
  enable(Promise.prototype, ['constructor', 'then', 'catch', 'finally']);
  enable(Array.prototype, ['constructor', 'toString', 'push', 'join']);
  const IteratorPrototype = getPrototypeOf(getPrototypeOf([][Symbol.iterator]()));
  enable(IteratorPrototype, [Symbol.iterator]);

  // Lockdown. The hidden intrinsics are not properties of anything
  // reachable from the global by name alone.
  const roots = [
    g, getPrototypeOf(function* () {}), getPrototypeOf(async function () {}), getPrototypeOf(async () => {}),
    getPrototypeOf((function* () {})()), IteratorPrototype, getPrototypeOf([][Symbol.iterator]()),
    getPrototypeOf(new Map().entries()), getPrototypeOf(new Set().values()), getPrototypeOf(''[Symbol.iterator]()),
    getPrototypeOf(/x/[Symbol.matchAll]('')), getPrototypeOf(Int8Array),
    getOwnPropertyDescriptor(function () { 'use strict'; return arguments; }(), 'callee').get,
  ];
  // (index arithmetic, not push/pop: those are wrapped by now)
  const seen = new Set(), stack = [];
  let n = 0;
  for (let i = 0; i < roots.length; i++) stack[n++] = roots[i];
  while (n > 0) {
    const o = stack[--n];
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
    seen.add(o);
    if (o !== g) freeze(o);
    stack[n++] = getPrototypeOf(o);
    const keys = ownKeys(o);
    for (let i = 0; i < keys.length; i++) {
      const d = getOwnPropertyDescriptor(o, keys[i]);
      if ('value' in d) {
        if ((typeof d.value === 'object' && d.value !== null) || typeof d.value === 'function') stack[n++] = d.value;
      } else {
        if (d.get !== undefined) stack[n++] = d.get;
        if (d.set !== undefined) stack[n++] = d.set;
      }
    }
  }
  for (const k of ownKeys(g)) {
    const d = getOwnPropertyDescriptor(g, k);
    if ('value' in d) defineProperty(g, k, { value: d.value, writable: false, enumerable: d.enumerable, configurable: false });
    else defineProperty(g, k, { get: d.get, set: d.set, enumerable: d.enumerable, configurable: false });
  }
})
