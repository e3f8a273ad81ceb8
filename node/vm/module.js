// vm.Module, vm.SourceTextModule and vm.SyntheticModule: Node's classes,
// validation and linking algorithm; module records, evaluation, import()
// and import.meta are Go natives (module.go).
(function (natives) {
  'use strict';
  const { invalidArgType, outOfRange, invalidArgValue, codedError } = natives;
  // the intrinsics as the host was made (Node's primordials)
  const {
    ArrayBufferIsView, ArrayIsArray, ArrayPrototypeForEach, ArrayPrototypeSome, Map, MapPrototypeGet,
    MapPrototypeSet, NumberIsInteger, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor,
    ObjectGetPrototypeOf, ObjectPrototypeHasOwnProperty, ObjectSetPrototypeOf, Promise, PromisePrototypeThen,
    PromiseReject, StringPrototypeIncludes, Symbol, SymbolFor, TypeError, Uint8Array, WeakMap,
    WeakMapPrototypeGet, WeakMapPrototypeHas, WeakMapPrototypeSet, WeakSet, WeakSetPrototypeAdd,
    WeakSetPrototypeHas,
  } = natives.primordials;
  const v10 = natives.vmAPI === 'v10';
  // Node v25's API (--vm-api=v25): evaluate() returns the module record's
  // own promise (settled synchronously when the graph evaluates
  // synchronously), a SyntheticModule is linked when made, and receivers
  // are checked as validateThisInternalField does (ERR_INVALID_THIS)
  const v25 = natives.vmAPI === 'v25';

  function validateObject(value, name) {
    if (value === null || ArrayIsArray(value) || typeof value !== 'object') throw invalidArgType(name, 'of type object', value);
  }
  function validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
  }
  function validateInt32(value, name) {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < -2147483648 || value > 2147483647) throw outOfRange(name, '>= -2147483648 && <= 2147483647', value);
  }
  function validateUint32(value, name) {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < 1 || value > 4294967295) throw outOfRange(name, '>= 1 && <= 4294967295', value);
  }
  const statusError = (msg) => codedError('Error', 'ERR_VM_MODULE_STATUS', `Module status ${msg}`);
  const notModule = () => codedError('Error', 'ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module');

  const kNoError = Symbol('kNoError');
  // A module carries its state as Node's does, under an own kWrap property
  // (so a Proxy of a module passes the same checks as in Node); the value
  // is a token, and only tokens made here lead to a state.
  const kWrap = Symbol('kWrap');
  const states = new WeakMap(); // token -> internal state
  const sourceTextModules = new WeakSet(); // for SourceTextModule's private-field brand check
  const hasOwn = ObjectPrototypeHasOwnProperty;
  // Node's isModule + this[kWrap]: the state of m, or undefined
  function stateOf(m) {
    if (typeof m !== 'object' || m === null) return undefined;
    // v25 tests `kWrap in m` (a module's heir passes too), v20 its own property
    if (v25 ? !(kWrap in m) : !hasOwn(m, kWrap)) return undefined;
    return WeakMapPrototypeGet(states, m[kWrap]);
  }
  function brandCheck(self, field) {
    if (!WeakSetPrototypeHas(sourceTextModules, self)) {
      throw new TypeError(`Cannot read private member ${field} from an object whose class did not declare it`);
    }
  }
  const namespaces = new WeakMap(); // namespace object -> handle
  const contextIds = new WeakMap(); // context -> next module index
  let globalModuleId = 0;
  let warned = false;

  function internal(self, className) {
    const s = stateOf(self);
    if (s === undefined || (className === 'SyntheticModule' && !s.synthetic) || (className === 'SourceTextModule' && s.synthetic)) {
      if (v25) throw codedError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${className}`);
      throw invalidArgType('this', `an instance of ${className}`, self);
    }
    return s;
  }

  // Node v10's statuses: the Go status 'linked' is v10's 'instantiated'
  // (v10 links with link() and instantiates with instantiate()).
  const v10Status = {
    unlinked: 'uninstantiated', linked: 'instantiated',
    evaluating: 'evaluating', evaluated: 'evaluated', errored: 'errored',
  };
  function linkingStatusOf(s) {
    if (s.error !== kNoError) return 'errored';
    if (s.statusOverride) return 'linking';
    return s.linked ? 'linked' : 'unlinked';
  }

  function rawStatus(s) {
    if (s.error !== kNoError) return 'errored';
    if (s.statusOverride) return s.statusOverride;
    return natives.moduleStatus(s.handle);
  }

  class Module {
    constructor(options) {
      if (!warned) {
        warned = true;
        if (typeof process === 'object' && process !== null && typeof process.emitWarning === 'function') {
          process.emitWarning('VM Modules is an experimental feature and might change at any time', 'ExperimentalWarning');
        }
      }
      if (new.target === Module) throw new TypeError('Module is not a constructor');
      const { context, sourceText, syntheticExportNames, syntheticEvaluationSteps } = options;
      if (context !== undefined) {
        validateObject(context, 'context');
        if (!natives.isContext(context)) throw invalidArgType('options.context', 'an vm.Context', context);
      }
      let { identifier } = options;
      if (identifier !== undefined) {
        validateString(identifier, 'options.identifier');
      } else if (v10 && options.url !== undefined) {
        identifier = options.url;
      } else if (context === undefined) {
        identifier = `vm:module(${globalModuleId++})`;
      } else {
        const id = WeakMapPrototypeGet(contextIds, context) || 0;
        WeakMapPrototypeSet(contextIds, context, id + 1);
        identifier = `vm:module(${id})`;
      }
      const s = {
        handle: undefined, identifier, context, synthetic: sourceText === undefined,
        error: kNoError, statusOverride: undefined, deps: undefined,
      };
      if (sourceText !== undefined) {
        const { cachedData } = options;
        s.handle = natives.moduleCreateSource(sourceText, identifier, options.lineOffset, options.columnOffset,
          context, cachedData === undefined ? undefined : new Uint8Array(cachedData.buffer, cachedData.byteOffset, cachedData.byteLength),
          this, options.initializeImportMeta, options.importModuleDynamically);
      } else {
        const wrap = { __proto__: null };
        wrap.setExport = (name, value) => this.setExport(name, value);
        s.handle = natives.moduleCreateSynthetic(syntheticExportNames, syntheticEvaluationSteps, identifier, context, this, wrap);
      }
      const token = {};
      WeakMapPrototypeSet(states, token, s);
      this[kWrap] = token;
      if (!s.synthetic) WeakSetPrototypeAdd(sourceTextModules, this);
    }

    get identifier() {
      return internal(this, 'Module').identifier;
    }

    get context() {
      return internal(this, 'Module').context;
    }

    get namespace() {
      const s = internal(this, 'Module');
      const st = natives.moduleStatus(s.handle);
      if (st === 'unlinked') throw statusError(v10 ? 'must not be uninstantiated or instantiating' : 'must not be unlinked or linking');
      const ns = natives.moduleNamespace(s.handle);
      WeakMapPrototypeSet(namespaces, ns, s.handle);
      return ns;
    }

    get status() {
      const s = internal(this, 'Module');
      if (v10) return v10Status[natives.moduleStatus(s.handle)];
      return rawStatus(s);
    }

    get error() {
      const s = internal(this, 'Module');
      if (s.error !== kNoError) return s.error;
      if (natives.moduleStatus(s.handle) !== 'errored') throw statusError('must be errored');
      return natives.moduleError(s.handle);
    }

    async link(linker) {
      const s = internal(this, 'Module');
      validateFunction(linker, 'linker');
      if (v10) {
        if (linkingStatusOf(s) !== 'unlinked') throw codedError('Error', 'ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked');
        await linkModule(this, s, linker);
        s.linked = true;
        return;
      }
      const st = rawStatus(s);
      if (st === 'linked') throw codedError('Error', 'ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked');
      if (st !== 'unlinked') throw statusError('must be unlinked');
      await linkModule(this, s, linker);
      natives.moduleInstantiate(s.handle);
    }

    evaluate(options = {}) {
      if (v25) {
        // v25: not an async function; a validation error is a rejection
        try {
          const { handle, timeout, breakOnSigint } = checkEvaluate(this, options);
          return natives.moduleEvaluate(handle, timeout, breakOnSigint);
        } catch (e) {
          return PromiseReject(e);
        }
      }
      return evaluateV20(this, options);
    }

    [SymbolFor('nodejs.util.inspect.custom')](depth, options, inspect) {
      internal(this, 'Module');
      const constructor = getConstructorOf(this) || Module;
      if (typeof depth === 'number' && depth < 0) return `[${constructor.name}]`;
      const o = { __proto__: { constructor } };
      o.status = this.status;
      if (v10) {
        o.linkingStatus = this.linkingStatus;
        o.url = this.url;
      } else {
        o.identifier = this.identifier;
      }
      o.context = this.context;
      ObjectSetPrototypeOf(o, ObjectGetPrototypeOf(this));
      ObjectDefineProperty(o, Symbol.toStringTag, { value: constructor.name, configurable: true });
      return inspect(o, { ...options, customInspect: false });
    }
  }

  // evaluate()'s checks, in Node's order: the receiver, the options, the
  // status
  function checkEvaluate(self, options) {
    const s = internal(self, 'Module');
    validateObject(options, 'options');
    let timeout = options.timeout;
    if (timeout === undefined) timeout = -1;
    else validateUint32(timeout, 'options.timeout');
    const { breakOnSigint = false } = options;
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const st = natives.moduleStatus(s.handle);
    if (st !== 'linked' && st !== 'evaluated' && st !== 'errored') {
      throw statusError(v10 ? 'must be one of instantiated, evaluated, and errored' : 'must be one of linked, evaluated, or errored');
    }
    return { handle: s.handle, timeout, breakOnSigint };
  }

  // v20's evaluate(): an async function awaiting the record's promise
  async function evaluateV20(self, options) {
    const { handle, timeout, breakOnSigint } = checkEvaluate(self, options);
    await natives.moduleEvaluate(handle, timeout, breakOnSigint);
    if (v10) return { __proto__: null, result: natives.moduleResult(handle) };
    return undefined;
  }

  function getConstructorOf(obj) {
    while (obj) {
      const d = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (d !== undefined && typeof d.value === 'function' && d.value.name !== '') return d.value;
      obj = ObjectGetPrototypeOf(obj);
    }
    return null;
  }

  // allFulfilled settles as Promise.all(promises) does, for its caller
  // that awaits it (fulfilled with nothing), on the intrinsic then: Node's
  // SafePromiseAllReturnVoid
  function allFulfilled(promises) {
    return new Promise((resolve, reject) => {
      let left = promises.length;
      if (left === 0) resolve();
      for (let i = 0; i < promises.length; i++) {
        PromisePrototypeThen(promises[i], () => { if (--left === 0) resolve(); }, reject);
      }
    });
  }

  // linkModule is Node's kLink: call the linker for every request, in
  // parallel, linking what it returns recursively.
  async function linkModule(module, s, linker) {
    if (s.synthetic) return;
    s.statusOverride = 'linking';
    let syncThrow = false;
    const specs = natives.moduleSpecifiers(s.handle);
    const linkOne = async (specifier) => {
      const attrs = natives.moduleAttributes(s.handle, specifier);
      let r;
      try {
        r = linker(specifier, module, { attributes: attrs, assert: attrs });
      } catch (e) {
        syncThrow = true;
        throw e;
      }
      const m = await r; // (guarded: engine/awaitguard.go)
      const ms = stateOf(m);
      if (ms === undefined) throw notModule();
      if (!ms.synthetic) brandCheck(m, '#error'); // Node reads module.status
      if (ms.context !== s.context) {
        throw codedError('Error', 'ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context');
      }
      if (v10) {
        const ls = linkingStatusOf(ms);
        if (ls === 'errored') {
          throw codedError('Error', 'ERR_VM_MODULE_LINKING_ERRORED', 'Linking has already failed for the provided module');
        }
        if (ls === 'unlinked') {
          await linkModule(m, ms, linker);
          ms.linked = true;
        }
        natives.moduleResolve(s.handle, specifier, ms.handle);
        return;
      }
      const st = rawStatus(ms);
      if (st === 'errored') {
        const e = codedError('Error', 'ERR_VM_MODULE_LINK_FAILURE', `request for '${specifier}' resolved to an errored module`);
        e.cause = m.error;
        throw e;
      }
      if (st === 'unlinked') await linkModule(m, ms, linker);
      natives.moduleResolve(s.handle, specifier, ms.handle);
    };
    const promises = [];
    for (let i = 0; i < specs.length; i++) promises[i] = linkOne(specs[i]);
    try {
      await allFulfilled(promises);
    } catch (e) {
      // a linker that throws synchronously leaves the module 'linking' in
      // Node (its error getter then throws ERR_VM_MODULE_STATUS); any
      // other failure makes it errored (both recorded from node v20)
      if (v10 || !syncThrow) {
        s.error = e;
        s.statusOverride = undefined;
      }
      throw e;
    }
    s.statusOverride = undefined;
  }

  class SourceTextModule extends Module {
    constructor(sourceText, options = {}) {
      validateString(sourceText, 'sourceText');
      validateObject(options, 'options');
      const {
        lineOffset = 0,
        columnOffset = 0,
        initializeImportMeta,
        importModuleDynamically,
        context,
        identifier,
        cachedData,
      } = options;
      const url = v10 ? options.url : undefined; // v10's option, read only there
      validateInt32(lineOffset, 'options.lineOffset');
      validateInt32(columnOffset, 'options.columnOffset');
      if (initializeImportMeta !== undefined) validateFunction(initializeImportMeta, 'options.initializeImportMeta');
      if (importModuleDynamically !== undefined && importModuleDynamically !== natives.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) validateFunction(importModuleDynamically, 'options.importModuleDynamically');
      if (cachedData !== undefined && !ArrayBufferIsView(cachedData)) {
        throw invalidArgType('options.cachedData', 'an instance of Buffer, TypedArray, or DataView', cachedData);
      }
      if (v10 && url !== undefined) validateString(url, 'options.url');
      super({
        sourceText, context, identifier, lineOffset, columnOffset, cachedData,
        initializeImportMeta, importModuleDynamically, url,
      });
    }

    get dependencySpecifiers() {
      const s = internal(this, 'SourceTextModule');
      // v25: one per request (a specifier may repeat), frozen
      if (s.deps === undefined) {
        if (v25) {
          const reqs = this.moduleRequests;
          const deps = [];
          for (let i = 0; i < reqs.length; i++) deps[i] = reqs[i].specifier;
          s.deps = ObjectFreeze(deps);
        } else {
          s.deps = natives.moduleSpecifiers(s.handle);
        }
      }
      return s.deps;
    }

    get status() {
      internal(this, 'SourceTextModule');
      brandCheck(this, '#error');
      return super.status;
    }

    get error() {
      internal(this, 'SourceTextModule');
      brandCheck(this, '#error');
      return super.error;
    }

    // The v24 linking API: moduleRequests, linkRequests(), instantiate(),
    // hasTopLevelAwait(), hasAsyncGraph(). A request per specifier, import
    // attributes and phase, in order of first appearance (V8's).
    get moduleRequests() {
      const s = internal(this, 'SourceTextModule');
      if (s.requests === undefined) {
        const raw = natives.moduleRequests(s.handle); // [[specifier, [[key, value]...], phase]...]
        const requests = [];
        for (let i = 0; i < raw.length; i++) {
          const attrs = raw[i][1];
          const attributes = { __proto__: null };
          for (let j = 0; j < attrs.length; j++) attributes[attrs[j][0]] = attrs[j][1];
          requests[i] = ObjectFreeze({ __proto__: null, specifier: raw[i][0], attributes: ObjectFreeze(attributes), phase: raw[i][2] });
        }
        s.requests = ObjectFreeze(requests);
      }
      return s.requests;
    }

    // checks in Node v25's order: receiver, status, array, count, modules
    linkRequests(modules) {
      const s = internal(this, 'SourceTextModule');
      if (rawStatus(s) !== 'unlinked') throw statusError('must be unlinked');
      if (!ArrayIsArray(modules)) throw invalidArgType('modules', 'an instance of Array', modules);
      const count = this.moduleRequests.length;
      if (modules.length !== count) {
        throw codedError('TypeError', 'ERR_MODULE_LINK_MISMATCH', `Expected ${count} modules, got ${modules.length}`);
      }
      const handles = [];
      for (let i = 0; i < count; i++) {
        const ms = stateOf(modules[i]);
        if (ms === undefined) throw notModule();
        if (ms.context !== s.context) {
          throw codedError('Error', 'ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context');
        }
        handles[i] = ms.handle;
      }
      natives.moduleLinkRequests(s.handle, handles);
      s.requestsLinked = true;
    }

    instantiate() {
      const s = internal(this, 'SourceTextModule');
      if (rawStatus(s) !== 'unlinked') throw statusError('must be unlinked');
      // Node's ModuleWrap::Instantiate: the module's own requests must have
      // been linked (linkRequests, even of none)
      if (!s.requestsLinked) throw codedError('Error', 'ERR_VM_MODULE_LINK_FAILURE', `module '${s.identifier}' is not linked`);
      const missing = natives.moduleUnresolved(s.handle);
      if (missing !== undefined) {
        throw codedError('Error', 'ERR_VM_MODULE_LINK_FAILURE',
          `request for '${missing[0]}' can not be resolved on module '${missing[1]}' that is not linked`);
      }
      natives.moduleInstantiate(s.handle);
    }

    hasTopLevelAwait() {
      return natives.moduleHasTLA(internal(this, 'SourceTextModule').handle);
    }

    hasAsyncGraph() {
      const s = internal(this, 'SourceTextModule');
      const st = rawStatus(s);
      if (st === 'unlinked' || st === 'linking') throw statusError('must be instantiated');
      return natives.moduleHasAsyncGraph(s.handle);
    }

    createCachedData() {
      // as Node: the status is read from `this` (any value but null and
      // undefined), then the wrap, whose absence is V8's TypeError
      const { status: st } = this;
      const s = WeakMapPrototypeGet(states, this[kWrap]);
      if (s === undefined || s.synthetic) throw new TypeError("Cannot read properties of undefined (reading 'createCachedData')");
      if (st === 'evaluating' || st === 'evaluated' || st === 'errored') {
        throw codedError('Error', 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
          'Cached data cannot be created for a module which has been evaluated');
      }
      const bytes = natives.moduleCreateCachedData(s.handle);
      return natives.toBuffer(bytes);
    }
  }

  if (v10) {
    // Node v10 has none of the v24 linking API (its instantiate() is on
    // Module.prototype)
    delete SourceTextModule.prototype.moduleRequests;
    delete SourceTextModule.prototype.linkRequests;
    delete SourceTextModule.prototype.instantiate;
    delete SourceTextModule.prototype.hasTopLevelAwait;
    delete SourceTextModule.prototype.hasAsyncGraph;
  }

  class SyntheticModule extends Module {
    constructor(exportNames, evaluateCallback, options = {}) {
      if (!ArrayIsArray(exportNames) || ArrayPrototypeSome(exportNames, (e) => typeof e !== 'string')) {
        throw invalidArgType('exportNames', 'an Array of unique strings', exportNames);
      }
      // the first name that occurs again later, as Node's indexOf loop
      // finds it, in linear time
      const last = new Map();
      ArrayPrototypeForEach(exportNames, (name, i) => MapPrototypeSet(last, name, i));
      ArrayPrototypeForEach(exportNames, (name, i) => {
        if (MapPrototypeGet(last, name) > i) throw invalidArgValue(`exportNames.${name}`, name, 'is duplicated');
      });
      validateFunction(evaluateCallback, 'evaluateCallback');
      validateObject(options, 'options');
      const { context, identifier } = options;
      super({ syntheticExportNames: exportNames, syntheticEvaluationSteps: evaluateCallback, context, identifier });
      // v25: a synthetic module has no requests and is linked when made
      if (v25) natives.moduleInstantiate(internal(this, 'SyntheticModule').handle);
    }

    setExport(name, value) {
      const s = internal(this, 'SyntheticModule');
      validateString(name, 'name');
      if (natives.moduleStatus(s.handle) === 'unlinked') throw statusError('must be linked');
      natives.moduleSetExport(s.handle, name, value);
    }
  }

  if (v25) {
    // v25: linking a synthetic module (linked when made) does nothing
    ObjectDefineProperty(SyntheticModule.prototype, 'link', {
      // (validateThisInternalField: any module passes)
      value: { link() { if (stateOf(this) === undefined) internal(this, 'SyntheticModule'); } }.link,
      writable: true, enumerable: false, configurable: true,
    });
  }

  if (v10) {
    // Node v10's API: `url`, instantiate(), linkingStatus.
    ObjectDefineProperty(Module.prototype, 'url', {
      get() { return internal(this, 'Module').identifier; }, configurable: true,
    });
    ObjectDefineProperty(Module.prototype, 'linkingStatus', {
      get() { return linkingStatusOf(internal(this, 'Module')); },
      configurable: true,
    });
    Module.prototype.instantiate = function instantiate() {
      const s = internal(this, 'Module');
      if (linkingStatusOf(s) !== 'linked') {
        throw codedError('Error', 'ERR_VM_MODULE_NOT_LINKED', 'Module must be linked before it can be instantiated');
      }
      natives.moduleInstantiate(s.handle);
    };
  }

  // import() from vm code: the importModuleDynamically of the script or
  // module, whose result must be a vm.Module or a namespace; resolves to
  // the module's handle.
  async function dynamicImport(fn, specifier, wrap, attributes) {
    // v25 passes the phase too (no import.source() here: sobek cannot parse it)
    const m = await (v25 ? fn(specifier, wrap, attributes, 'evaluation') : fn(specifier, wrap, attributes));
    if (m !== null && typeof m === 'object' && WeakMapPrototypeHas(namespaces, m)) return WeakMapPrototypeGet(namespaces, m);
    const ms = stateOf(m);
    if (ms === undefined) throw notModule();
    if (rawStatus(ms) === 'errored') throw m.error;
    void m.namespace; // status check
    return ms.handle;
  }

  // every vm run is recorded (by the run natives, in Go), so that import()
  // at a script's top level finds the script's importModuleDynamically
  // sobek does not parse import()'s second argument: literal import
  // attributes are taken out before compiling and handed to the callback
  const wrapCompile = (name) => {
    const compile = natives[name];
    if (typeof compile !== 'function') return;
    // plain parameters, no spread: this is on the path of every new Script
    // (compile's fifth is the parsing context, compileCached's the bytes)
    natives[name] = function (code, filename, lineOffset, columnOffset, cachedData, parsing) {
      if (typeof code !== 'string' || !StringPrototypeIncludes(code, 'import')) return compile(code, filename, lineOffset, columnOffset, cachedData, parsing);
      const stripped = natives.stripImportAttributes(code);
      const r = compile(stripped === undefined ? code : stripped[0], filename, lineOffset, columnOffset, cachedData, parsing);
      // registered even without attributes: import() from the script's
      // functions then finds the script (and its missing callback)
      natives.setImportAttributes(name === 'compile' ? r : r[0], stripped === undefined ? undefined : stripped[1]);
      return r;
    };
  };
  wrapCompile('compile');
  wrapCompile('compileCached');
  // natives.makeContext installs the import() and import.meta hooks of a
  // new context (prepareContext, in Go)

  const classes = v10 ? { SourceTextModule } : { Module, SourceTextModule, SyntheticModule };
  return { classes, dynamicImport };
})
