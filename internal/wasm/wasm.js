// The WebAssembly namespace of one realm, shaped as V8's: classes, argument
// checks and the reading of import objects (their order, V8's messages)
// are here; compiling, linking, calls and memory are Go (natives, on
// wazero). Run once per realm that reaches WebAssembly; N are the natives.
(function (N, G) {
  'use strict';
  const undefined = void 0; // a free `undefined` is a global lookup: a sandbox trap
  // every builtin from the realm's own global (G): a context's global
  // answers from its sandbox first
  const { Object, ArrayBuffer, Function, WeakMap, Promise, BigInt, Error, TypeError, RangeError, Uint8Array, Math, Number, String, Symbol } = G;
  const { defineProperty, freeze, create, setPrototypeOf, getPrototypeOf } = Object;
  // a typed array's brand: %TypedArray%.prototype[@@toStringTag] is
  // undefined for anything else (a DataView is no buffer source to V8)
  const typedArrayTag = Object.getOwnPropertyDescriptor(getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const call = Function.prototype.call.bind(Function.prototype.call);
  const WeakMapGet = WeakMap.prototype.get, WeakMapSet = WeakMap.prototype.set;
  const PromiseCtor = Promise;
  const BigIntCtor = BigInt;

  const hidden = (o, k, v) => defineProperty(o, k, { value: v, writable: true, enumerable: false, configurable: true });
  const tag = (o, name) => defineProperty(o, Symbol.toStringTag, { value: name, writable: false, enumerable: false, configurable: true });
  const method = (o, name, fn, length, enumerable) => {
    defineProperty(fn, 'name', { value: name, configurable: true });
    if (length !== undefined) defineProperty(fn, 'length', { value: length, configurable: true });
    defineProperty(o, name, { value: fn, writable: true, enumerable: !!enumerable, configurable: true });
  };
  const getter = (o, name, get, set) => {
    defineProperty(get, 'name', { value: 'get ' + name, configurable: true });
    if (set) defineProperty(set, 'name', { value: 'set ' + name, configurable: true });
    defineProperty(o, name, { get, set, enumerable: true, configurable: true });
  };

  const WA = {};
  tag(WA, 'WebAssembly');

  // Error classes: V8's are Error subclasses whose constructors work with
  // and without new.
  function errorClass(name) {
    const C = function (message) {
      const e = new Error(message);
      setPrototypeOf(e, new.target ? new.target.prototype : C.prototype);
      if (Error.captureStackTrace) Error.captureStackTrace(e, C);
      return e;
    };
    defineProperty(C, 'name', { value: name, configurable: true });
    setPrototypeOf(C, Error);
    C.prototype = create(Error.prototype);
    hidden(C.prototype, 'constructor', C);
    hidden(C.prototype, 'name', name);
    hidden(C.prototype, 'message', '');
    defineProperty(C, 'prototype', { writable: false, enumerable: false, configurable: false });
    return C;
  }
  const CompileError = errorClass('CompileError');
  const LinkError = errorClass('LinkError');
  const RuntimeError = errorClass('RuntimeError');

  const modules = new WeakMap(), instances = new WeakMap(), memories = new WeakMap(), globals = new WeakMap();
  const has = (m, o) => (typeof o === 'object' || typeof o === 'function') && o !== null && call(WeakMapGet, m, o) !== undefined;
  const handle = (m, o) => ((typeof o === 'object' || typeof o === 'function') && o !== null ? call(WeakMapGet, m, o) : undefined);

  // bytesOf copies a buffer source's bytes as a Uint8Array of this realm
  // (V8 copies when compiling); undefined when v is none.
  function bytesOf(v) {
    if (typeof v !== 'object' || v === null) return undefined;
    if (call(typedArrayTag, v) !== undefined) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice();
    let n;
    try { n = call(abByteLength, v); } catch { return undefined; }
    return new Uint8Array(v, 0, n).slice();
  }

  function compileBytes(api, v) {
    const bytes = bytesOf(v);
    if (bytes === undefined) throw new TypeError(api + ': Argument 0 must be a buffer source');
    return N.compile(api, bytes);
  }

  function newModule(h) {
    const m = create(Module.prototype);
    call(WeakMapSet, modules, m, h);
    return m;
  }

  function Module(bytes) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Module(): WebAssembly.Module must be invoked with 'new'");
    const h = compileBytes('WebAssembly.Module()', bytes);
    const m = new.target === Module ? create(Module.prototype) : create(new.target.prototype);
    call(WeakMapSet, modules, m, h);
    return m;
  }
  const moduleArg = (api, m) => {
    const h = handle(modules, m);
    if (h === undefined) throw new TypeError(api + ': Argument 0 must be a WebAssembly.Module');
    return h;
  };
  method(Module, 'exports', function exports(m) { return N.moduleExports(moduleArg('WebAssembly.Module.exports()', m)); }, 1);
  method(Module, 'imports', function imports(m) { return N.moduleImports(moduleArg('WebAssembly.Module.imports()', m)); }, 1);
  method(Module, 'customSections', function customSections(m, name) {
    const h = moduleArg('WebAssembly.Module.customSections()', m);
    if (name === undefined) throw new TypeError('WebAssembly.Module.customSections(): Argument 1 is required');
    return N.customSections(h, String(name));
  }, 2);
  tag(Module.prototype, 'WebAssembly.Module');

  const kindNames = ['function', 'table', 'memory', 'global', 'tag'];

  // readImports reads the import object as V8 does: for each import in
  // order, its module's namespace (a Get), then the field (a Get), then
  // checks the value's kind; the values go to Go in import order.
  function readImports(api, h, importObject) {
    const list = N.moduleImports(h);
    if (list.length > 0 && importObject === undefined) throw new TypeError(api + ': Imports argument must be present and must be an object');
    const values = [];
    for (let i = 0; i < list.length; i++) {
      const { module, name, kind } = list[i];
      const ns = importObject[module];
      const where = api + ': Import #' + i + ' module="' + module + '"';
      if ((typeof ns !== 'object' && typeof ns !== 'function') || ns === null) throw new TypeError(where + ' error: module is not an object or function');
      const v = ns[name];
      const at = where + ' function="' + name + '" error';
      switch (kind) {
        case 'function':
          if (typeof v !== 'function') throw new LinkError(at + ': function import requires a callable');
          values.push(v);
          break;
        case 'memory': {
          const mh = handle(memories, v);
          if (mh === undefined) throw new LinkError(at + ': memory import must be a WebAssembly.Memory object');
          values.push(mh);
          break;
        }
        case 'global': {
          const gh = handle(globals, v);
          if (gh !== undefined) { values.push(gh); break; }
          const t = N.importGlobalType(h, i);
          if (t === 'i64' ? typeof v === 'bigint' : typeof v === 'number') {
            if (N.importGlobalMutable(h, i)) throw new LinkError(at + ': imported mutable global must be a WebAssembly.Global object');
            values.push(v);
            break;
          }
          if (t === 'i64' && typeof v === 'number') throw new LinkError(at + ': global import must be a BigInt value');
          throw new LinkError(at + ': global import must be a number, valid Wasm reference, or WebAssembly.Global object');
        }
        case 'table':
          throw new LinkError(at + ': table import requires a WebAssembly.Table');
        default:
          throw new LinkError(at + ': tag import requires a WebAssembly.Tag');
      }
    }
    return values;
  }

  function newInstance(api, h, importObject) {
    if (importObject !== undefined && (typeof importObject !== 'object' || importObject === null)) throw new TypeError(api + ': Argument 1 must be an object');
    const values = readImports(api, h, importObject);
    const pairs = N.instantiate(api, h, values);
    const exports = create(null);
    for (let i = 0; i < pairs.length; i += 2) defineProperty(exports, pairs[i], { value: pairs[i + 1], writable: false, enumerable: true, configurable: false });
    freeze(exports);
    return exports;
  }

  function Instance(module, importObject) {
    if (new.target === undefined) throw new TypeError("WebAssembly.Instance(): WebAssembly.Instance must be invoked with 'new'");
    const h = handle(modules, module);
    if (h === undefined) throw new TypeError('WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module');
    const exports = newInstance('WebAssembly.Instance()', h, importObject);
    const inst = create(new.target.prototype);
    call(WeakMapSet, instances, inst, exports);
    return inst;
  }
  getter(Instance.prototype, 'exports', function () {
    const e = handle(instances, this);
    if (e === undefined) throw new TypeError('Receiver is not a WebAssembly.Instance');
    return e;
  });
  tag(Instance.prototype, 'WebAssembly.Instance');

  function instanceOf(api, h, importObject) {
    const exports = newInstance(api, h, importObject);
    const inst = create(Instance.prototype);
    call(WeakMapSet, instances, inst, exports);
    return inst;
  }

  // Memory

  // limit reads a descriptor's integer property as V8 (ToNumber, in range).
  function limit(api, desc, name, lower, upper, required) {
    const v = desc[name];
    if (v === undefined) {
      if (required) throw new TypeError(api + ": Property '" + name + "' is required");
      return undefined;
    }
    const n = Number(v);
    if (n !== n || n === Infinity || n === -Infinity) throw new TypeError(api + ": Property '" + name + "' must be convertible to a valid number");
    const t = Math.trunc(n);
    if (t < 0) throw new TypeError(api + ": Property '" + name + "' must be non-negative");
    if (t > 4294967295) throw new TypeError(api + ": Property '" + name + "' must be in the unsigned long range");
    if (t < lower) throw new RangeError(api + ": Property '" + name + "': value " + t + ' is below the lower bound ' + lower);
    if (t > upper) throw new RangeError(api + ": Property '" + name + "': value " + t + ' is above the upper bound ' + upper);
    return t;
  }

  function Memory(desc) {
    const api = 'WebAssembly.Memory()';
    if (new.target === undefined) throw new TypeError(api + ": WebAssembly.Memory must be invoked with 'new'");
    if ((typeof desc !== 'object' && typeof desc !== 'function') || desc === null) throw new TypeError(api + ': Argument 0 must be a memory descriptor');
    const initial = limit(api, desc, 'initial', 0, 65536, true);
    const maximum = limit(api, desc, 'maximum', initial, 65536, false);
    if (desc.shared) throw new TypeError(api + ': shared memories are not supported by jsvm');
    const m = create(new.target.prototype);
    const h = N.newMemory(initial, maximum === undefined ? -1 : maximum);
    call(WeakMapSet, memories, m, h);
    N.setMemoryObject(h, m);
    return m;
  }
  const memoryThis = (api, m) => {
    const h = handle(memories, m);
    if (h === undefined) throw new TypeError(api + ': Receiver is not a WebAssembly.Memory');
    return h;
  };
  method(Memory.prototype, 'grow', function grow(delta) {
    const h = memoryThis('WebAssembly.Memory.grow()', this);
    const n = Number(delta);
    if (n !== n || n === Infinity || n === -Infinity) throw new TypeError('WebAssembly.Memory.grow(): Argument 0 must be convertible to a valid number');
    const t = Math.trunc(n);
    if (t < 0) throw new TypeError('WebAssembly.Memory.grow(): Argument 0 must be non-negative');
    if (t > 4294967295) throw new TypeError('WebAssembly.Memory.grow(): Argument 0 must be in the unsigned long range');
    return N.growMemory(h, t);
  }, 1);
  getter(Memory.prototype, 'buffer', function () { return N.memoryBuffer(memoryThis('WebAssembly.Memory.buffer', this)); });
  tag(Memory.prototype, 'WebAssembly.Memory');
  function wrapMemory(h) {
    let m = N.memoryObject(h);
    if (m === undefined) {
      m = create(Memory.prototype);
      call(WeakMapSet, memories, m, h);
      N.setMemoryObject(h, m);
    }
    return m;
  }

  // Global

  // ToBigInt64 (a Number is V8's TypeError, where BigInt(n) converts)
  function toBigInt(v) {
    if (typeof v === 'number') throw new TypeError('Cannot convert ' + v + ' to a BigInt');
    return BigIntCtor.asIntN(64, BigIntCtor(v));
  }

  const valueTypes = ['i32', 'i64', 'f32', 'f64'];
  function Global(desc, value) {
    const api = 'WebAssembly.Global()';
    if (new.target === undefined) throw new TypeError(api + ": WebAssembly.Global must be invoked with 'new'");
    if ((typeof desc !== 'object' && typeof desc !== 'function') || desc === null) throw new TypeError(api + ': Argument 0 must be a global descriptor');
    const mutable = !!desc.mutable;
    const type = desc.value;
    if (!valueTypes.includes(type)) throw new TypeError(api + ": Descriptor property 'value' must be a WebAssembly type");
    let v;
    if (value === undefined) v = type === 'i64' ? 0n : 0;
    else if (type === 'i64') v = toBigInt(value);
    else v = Number(value);
    const g = create(new.target.prototype);
    const h = N.newGlobal(type, mutable, v);
    call(WeakMapSet, globals, g, h);
    N.setGlobalObject(h, g);
    return g;
  }
  const globalThis_ = (api, g) => {
    const h = handle(globals, g);
    if (h === undefined) throw new TypeError(api + ': Receiver is not a WebAssembly.Global');
    return h;
  };
  getter(Global.prototype, 'value', function () { return N.globalGet(globalThis_('get WebAssembly.Global.value', this)); },
    function (v) {
      const h = globalThis_('set WebAssembly.Global.value', this);
      if (arguments.length === 0) throw new TypeError('set WebAssembly.Global.value: Argument 0 is required');
      if (!N.globalMutable(h)) throw new TypeError("set WebAssembly.Global.value: Can't set the value of an immutable global.");
      N.globalSet(h, N.globalType(h) === 'i64' ? toBigInt(v) : Number(v));
    });
  method(Global.prototype, 'valueOf', function valueOf() { return N.globalGet(globalThis_('WebAssembly.Global.valueOf()', this)); }, 0);
  tag(Global.prototype, 'WebAssembly.Global');
  function wrapGlobal(h) {
    const g = create(Global.prototype);
    call(WeakMapSet, globals, g, h);
    N.setGlobalObject(h, g);
    return g;
  }

  // The namespace's functions

  function validate(bytes) {
    const b = bytesOf(bytes);
    if (b === undefined) throw new TypeError('WebAssembly.validate(): Argument 0 must be a buffer source');
    return N.validate(b);
  }
  function compile(bytes) {
    try {
      return PromiseCtor.resolve(newModule(compileBytes('WebAssembly.compile()', bytes)));
    } catch (e) {
      return PromiseCtor.reject(e);
    }
  }
  function instantiate(source, importObject) {
    try {
      const h = handle(modules, source);
      if (h !== undefined) {
        const inst = instanceOf('WebAssembly.instantiate()', h, importObject);
        return PromiseCtor.resolve(inst);
      }
      const bytes = bytesOf(source);
      if (bytes === undefined) throw new TypeError('WebAssembly.instantiate(): Argument 0 must be a buffer source or a WebAssembly.Module object');
      if (importObject !== undefined && (typeof importObject !== 'object' || importObject === null)) throw new TypeError('WebAssembly.instantiate(): Argument 1 must be an object');
      const mh = N.compile('WebAssembly.instantiate()', bytes);
      const module = newModule(mh);
      // V8 instantiates in a later task; a job is as close as a realm gets
      return PromiseCtor.resolve().then(() => ({ module, instance: instanceOf('WebAssembly.instantiate()', mh, importObject) }));
    } catch (e) {
      return PromiseCtor.reject(e);
    }
  }

  // V8's namespace functions are enumerable, its classes not
  method(WA, 'compile', compile, 1, true);
  method(WA, 'validate', validate, 1, true);
  method(WA, 'instantiate', instantiate, 1, true);
  for (const [name, C, length] of [['Module', Module, 1], ['Instance', Instance, 1], ['Memory', Memory, 1], ['Global', Global, 1],
    ['CompileError', CompileError, 1], ['LinkError', LinkError, 1], ['RuntimeError', RuntimeError, 1]]) {
    defineProperty(C, 'length', { value: length, configurable: true });
    if (C.prototype.constructor !== C) hidden(C.prototype, 'constructor', C);
    defineProperty(C, 'prototype', { writable: false, enumerable: false, configurable: false });
    hidden(WA, name, C);
  }

  return {
    WebAssembly: WA,
    wrapMemory, wrapGlobal,
    toBigInt,
    errors: { CompileError, LinkError, RuntimeError },
  };
})
