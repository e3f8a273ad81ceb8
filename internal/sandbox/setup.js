// Set-up of a sandbox's realm, run once per sandbox before any untrusted
// code: size caps on the builtins that allocate in one native step, the
// override-mistake enablements, then lockdown (every intrinsic reachable
// from the global, and the hidden ones, frozen; the global's standard
// bindings made read-only). checkSize is a Go function: (kind, bytes)
// throws a RangeError when one allocation would pass the sandbox's cap.
(function (checkSize, jsonDepth) {
  'use strict';
  const g = globalThis;
  const { freeze, getPrototypeOf, getOwnPropertyDescriptor, defineProperty } = Object;
  const { ownKeys, apply, construct } = Reflect;
  const hasInstance = Function.prototype[Symbol.hasInstance];
  delete g.GoError; // sobek's own, not a standard global

  function method(obj, name, size) {
    const orig = obj[name];
    const w = { [name](...args) { size(this, args); return apply(orig, this, args); } }[name];
    defineProperty(w, 'length', { value: orig.length });
    defineProperty(obj, name, { value: w, writable: true, enumerable: false, configurable: true });
  }
  const num = (v) => { const n = +v; return n > 0 ? n : 0; };
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
  strMethod('repeat', (s, a) => checkSize('string', s.length * num(a[0]) * 2));
  strMethod('padStart', (s, a) => checkSize('string', num(a[0]) * 2));
  strMethod('padEnd', (s, a) => checkSize('string', num(a[0]) * 2));
  strMethod('concat', (s, a) => {
    let n = s.length;
    for (let i = 0; i < a.length; i++) n += typeof a[i] === 'string' ? a[i].length : 24;
    checkSize('string', n * 2);
  });
  method(Array.prototype, 'join', (self, a) => {
    const o = Object(self), len = num(o.length);
    const sep = a[0] === undefined ? 1 : String(a[0]).length;
    let n = len * sep;
    checkSize('string', n * 2);
    for (let i = 0; i < len; i++) { const e = o[i]; n += typeof e === 'string' ? e.length : 24; }
    checkSize('string', n * 2);
  });
  method(Array.prototype, 'fill', (self) => checkSize('array', num(Object(self).length) * 16));
  const arrayFrom = Array.from;
  defineProperty(Array, 'from', { value: { from(items, ...rest) {
    if (items !== null && items !== undefined && typeof items[Symbol.iterator] !== 'function') checkSize('array', num(items.length) * 16);
    return apply(arrayFrom, this, [items, ...rest]);
  } }.from, writable: true, configurable: true });
  const jsonParse = JSON.parse;
  defineProperty(JSON, 'parse', { value: { parse(text, reviver) {
    const s = String(text);
    jsonDepth(s);
    return apply(jsonParse, JSON, [s, reviver]);
  } }.parse, writable: true, configurable: true });

  // Constructors that allocate: a Proxy with a construct trap checks the
  // size; it answers @@hasInstance itself (sobek cannot instanceof a Proxy
  // of a function) and replaces the original everywhere it is named.
  function capCtor(name, size) {
    const orig = g[name];
    const own = (v) => apply(hasInstance, orig, [v]);
    const p = new Proxy(orig, {
      construct(t, args, nt) { size(args); return construct(t, args, nt === p ? t : nt); },
      apply(t, self, args) { return apply(t, self, args); },
      get(t, k, r) { return k === Symbol.hasInstance ? own : Reflect.get(t, k, r); },
    });
    defineProperty(orig.prototype, 'constructor', { value: p, writable: true, enumerable: false, configurable: true });
    defineProperty(g, name, { value: p, writable: true, enumerable: false, configurable: true });
  }
  const bufferLike = (a) => a !== null && typeof a === 'object';
  capCtor('ArrayBuffer', (args) => checkSize('buffer', num(args[0])));
  for (const [name, k] of [['Int8Array', 1], ['Uint8Array', 1], ['Uint8ClampedArray', 1], ['Int16Array', 2], ['Uint16Array', 2],
    ['Int32Array', 4], ['Uint32Array', 4], ['Float32Array', 4], ['Float64Array', 8], ['BigInt64Array', 8], ['BigUint64Array', 8]]) {
    capCtor(name, (args) => {
      const a = args[0];
      if (!bufferLike(a)) checkSize('buffer', num(a) * k);
      else if (!(a instanceof g.ArrayBuffer)) checkSize('buffer', num(a.length) * k);
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
  const seen = new Set(), stack = roots.slice();
  while (stack.length) {
    const o = stack.pop();
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
    seen.add(o);
    if (o !== g) freeze(o);
    stack.push(getPrototypeOf(o));
    for (const k of ownKeys(o)) {
      const d = getOwnPropertyDescriptor(o, k);
      stack.push(d.value, d.get, d.set);
    }
  }
  for (const k of ownKeys(g)) {
    const d = getOwnPropertyDescriptor(g, k);
    if ('value' in d) defineProperty(g, k, { value: d.value, writable: false, enumerable: d.enumerable, configurable: false });
    else defineProperty(g, k, { get: d.get, set: d.set, enumerable: d.enumerable, configurable: false });
  }
})
