// The JavaScript face of the vm builtin: classes, argument validation and
// option defaults, in Node's order. The work is done by Go natives.
(function (natives) {
  'use strict';
  const { invalidArgType, outOfRange, invalidArgValue } = natives;
  // the intrinsics as the host was made (Node's primordials): user code
  // that replaces them changes nothing here
  const {
    ArrayIsArray, ArrayBufferIsView, ArrayPrototypeIncludes, NumberIsInteger, ObjectAssign,
    ObjectDefineProperty, String, StringPrototypeIncludes, Symbol, TypeError, Uint8Array,
  } = natives.primordials;

  function validateObject(value, name, allowArray = false) {
    if (value === null || (!allowArray && ArrayIsArray(value)) || typeof value !== 'object') { // Node's order: IsArray of a revoked Proxy throws
      throw invalidArgType(name, 'of type object', value);
    }
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
  function validateInt32(value, name, min = -2147483648, max = 2147483647) {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  }
  function validateUint32(value, name, positive) {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    const min = positive ? 1 : 0;
    if (value < min || value > 4294967295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
  }
  function validateOneOf(value, name, oneOf) {
    if (!ArrayPrototypeIncludes(oneOf, value)) {
      let allowed = '';
      for (let i = 0; i < oneOf.length; i++) {
        const v = oneOf[i];
        allowed += `${i === 0 ? '' : ', '}${typeof v === 'string' ? `'${v}'` : String(v)}`;
      }
      throw invalidArgValue(name, value, `must be one of: ${allowed}`);
    }
  }
  function validateBuffer(value, name) {
    if (!ArrayBufferIsView(value)) {
      throw invalidArgType(name, 'an instance of Buffer, TypedArray, or DataView', value);
    }
  }

  // Node's internal option keys: read (a Proxy as options sees the reads it
  // sees in Node), not used
  const kParsingContext = Symbol('script parsing context');
  const kVmBreakFirstLineSymbol = Symbol('kVmBreakFirstLineSymbol');
  const kRerunMiss = natives.rerunMiss;

  // Hot paths (a rerun of a Script, createContext, runInNewContext) make
  // one native call, allocate nothing for absent options and use no
  // spread: a spread call costs sobek ~10x a plain one.
  class Script {
    #handle; // the Go side of the script

    constructor(code, options) {
      // runInContext's context to compile in, without options (taken
      // before ToString of code can run code that makes another Script)
      const parsingNext = nextParsingContext;
      nextParsingContext = undefined;
      code = `${code}`;
      if (options === undefined) {
        // Node's default options are a frozen null-prototype object:
        // nothing to read, every default applies
        this.#handle = natives.compile(code, 'evalmachine.<anonymous>', 0, 0, parsingNext);
        this.sourceMapURL = StringPrototypeIncludes(code, 'sourceMappingURL') ? natives.sourceMapURL(code) : undefined;
        return;
      }
      if (typeof options === 'string') options = { filename: options };
      else validateObject(options, 'options');
      const {
        filename = 'evalmachine.<anonymous>',
        lineOffset = 0,
        columnOffset = 0,
        cachedData,
        produceCachedData = false,
        importModuleDynamically,
        [kParsingContext]: parsingContext,
      } = options;
      validateString(filename, 'options.filename');
      validateInt32(lineOffset, 'options.lineOffset');
      validateInt32(columnOffset, 'options.columnOffset');
      if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
      validateBoolean(produceCachedData, 'options.produceCachedData');
      validateImportModuleDynamically(importModuleDynamically);
      let handle, accepted;
      if (cachedData !== undefined) {
        const bytes = new Uint8Array(cachedData.buffer, cachedData.byteOffset, cachedData.byteLength);
        const r = natives.compileCached(code, filename, lineOffset, columnOffset, bytes, parsingContext);
        handle = r[0];
        accepted = r[1];
      } else {
        handle = natives.compile(code, filename, lineOffset, columnOffset, parsingContext);
      }
      this.#handle = handle;
      if (importModuleDynamically !== undefined) natives.setImportModuleDynamically(handle, importModuleDynamically, this);
      if (cachedData !== undefined) this.cachedDataRejected = !accepted;
      if (produceCachedData) {
        const data = natives.createCachedData(handle);
        if (data !== undefined) this.cachedData = data;
        this.cachedDataProduced = data !== undefined;
      }
      this.sourceMapURL = StringPrototypeIncludes(code, 'sourceMappingURL') ? natives.sourceMapURL(code) : undefined;
    }

    runInThisContext(options) {
      const handle = Script.#handleOf(this);
      if (options === undefined) return natives.run(handle, undefined, -1, true, false);
      return runWith(handle, undefined, options);
    }

    runInContext(contextifiedObject, options) {
      // the rerun hot path: without options, the Script run last by the
      // branch below runs at once (natives.runIn validates the context as
      // validateContext does); anything else is a miss
      const r = natives.runIn(this, contextifiedObject, options);
      if (r !== kRerunMiss) return r;
      if (options === undefined && typeof this === 'object' && this !== null && #handle in this) {
        return natives.runIn(this.#handle, contextifiedObject, -1, true, false, this);
      }
      if (options === undefined) {
        return natives.runIn(Script.#handleOf(this), contextifiedObject, -1, true, false);
      }
      validateContext(contextifiedObject);
      return runWith(Script.#handleOf(this), contextifiedObject, options);
    }

    runInNewContext(contextObject, options) {
      const context = createContext(contextObject, options === undefined ? undefined : contextOptions(options));
      if (typeof this.runInContext !== 'function') {
        // V8's words for calling a non-function (sobek's differ)
        throw new TypeError('this.runInContext is not a function');
      }
      return this.runInContext(context, options);
    }

    createCachedData() {
      return natives.createCachedData(Script.#handleOf(this));
    }

    static #handleOf(script) {
      if (script === null || (typeof script !== 'object' && typeof script !== 'function') || !(#handle in script)) {
        throw new TypeError('Illegal invocation');
      }
      return script.#handle;
    }
  }
  ObjectDefineProperty(Script.prototype, 'createCachedData', { enumerable: false });

  // runWith validates a run's options (in Node's order) and runs.
  function runWith(handle, contextifiedObject, options) {
    validateObject(options, 'options');
    let timeout = options.timeout;
    if (timeout === undefined) timeout = -1;
    else validateUint32(timeout, 'options.timeout', true);
    let displayErrors = options.displayErrors;
    if (displayErrors === undefined) displayErrors = true;
    let breakOnSigint = options.breakOnSigint;
    if (breakOnSigint === undefined) breakOnSigint = false;
    void options[kVmBreakFirstLineSymbol];
    validateBoolean(displayErrors, 'options.displayErrors');
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    if (contextifiedObject === undefined) return natives.run(handle, undefined, timeout, displayErrors, breakOnSigint);
    return natives.runIn(handle, contextifiedObject, timeout, displayErrors, breakOnSigint);
  }

  function contextOptions(options) {
    if (!options) return {};
    const opts = {
      name: options.contextName,
      origin: options.contextOrigin,
      codeGeneration: undefined,
      microtaskMode: options.microtaskMode,
    };
    if (opts.name !== undefined) validateString(opts.name, 'options.contextName');
    if (opts.origin !== undefined) validateString(opts.origin, 'options.contextOrigin');
    if (options.contextCodeGeneration !== undefined) {
      validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
      const { strings, wasm } = options.contextCodeGeneration;
      if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
      if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
      opts.codeGeneration = { strings, wasm };
    }
    if (options.microtaskMode !== undefined) validateString(options.microtaskMode, 'options.microtaskMode');
    return opts;
  }

  function isContext(object) {
    validateObject(object, 'object', true);
    return natives.isContext(object);
  }

  function validateContext(contextifiedObject) {
    if (!isContext(contextifiedObject)) {
      throw invalidArgType('contextifiedObject', 'an vm.Context', contextifiedObject);
    }
  }

  // importModuleDynamically: a function, or vm.constants'
  // USE_MAIN_CONTEXT_DEFAULT_LOADER
  function validateImportModuleDynamically(value) {
    if (value === undefined || value === natives.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
    validateFunction(value, 'options.importModuleDynamically');
  }

  let defaultContextNameIndex = 1;
  function createContext(contextObject = {}, options) {
    const plain = contextObject === natives.constants.DONT_CONTEXTIFY;
    if (!plain && isContext(contextObject)) return contextObject;
    if (options === undefined && !plain) {
      natives.makeContext(contextObject, `VM Context ${defaultContextNameIndex++}`, '', true, true, false);
      return contextObject;
    }
    if (options === undefined) options = {};
    validateObject(options, 'options');
    const {
      name = `VM Context ${defaultContextNameIndex++}`,
      origin,
      codeGeneration,
      microtaskMode,
      importModuleDynamically,
    } = options;
    validateString(name, 'options.name');
    if (origin !== undefined) validateString(origin, 'options.origin');
    if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
    let strings = true;
    let wasm = true;
    if (codeGeneration !== undefined) {
      ({ strings = true, wasm = true } = codeGeneration);
      validateBoolean(strings, 'options.codeGeneration.strings');
      validateBoolean(wasm, 'options.codeGeneration.wasm');
    }
    validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
    // import() in the context's code that has no referrer script or
    // module (an eval in a promise job) asks the context's own callback
    validateImportModuleDynamically(importModuleDynamically);
    if (plain) return natives.makePlainContext(name, origin === undefined ? '' : origin, strings, wasm, microtaskMode === 'afterEvaluate', importModuleDynamically);
    natives.makeContext(contextObject, name, origin === undefined ? '' : origin, strings, wasm, microtaskMode === 'afterEvaluate', importModuleDynamically);
    return contextObject;
  }

  function createScript(code, options) {
    return new Script(code, options);
  }

  // nextParsingContext is the context the next Script compiles in when it
  // has no options (Node passes { [kParsingContext]: context }; this
  // keeps the hot path free of an options object)
  let nextParsingContext;

  function runInContext(code, contextifiedObject, options) {
    validateContext(contextifiedObject);
    // Node spreads the options here too (so null, numbers and arrays
    // are no options)
    if (typeof options === 'string') options = { filename: options, [kParsingContext]: contextifiedObject };
    else if (options !== undefined) options = { __proto__: null, ...options, [kParsingContext]: contextifiedObject };
    else nextParsingContext = contextifiedObject;
    return createScript(code, options).runInContext(contextifiedObject, options);
  }

  function runInNewContext(code, contextObject, options) {
    if (typeof options === 'string') options = { filename: options };
    contextObject = createContext(contextObject, options === undefined ? undefined : contextOptions(options));
    // Node spreads the options here: null, numbers, booleans and
    // functions end up as no options
    if (options !== undefined) options = { __proto__: null, ...options, [kParsingContext]: contextObject };
    else nextParsingContext = contextObject;
    return createScript(code, options).runInNewContext(contextObject, options);
  }

  function runInThisContext(code, options) {
    if (typeof options === 'string') options = { filename: options };
    return createScript(code, options).runInThisContext(options);
  }

  const exportsObject = {
    Script,
    createContext,
    createScript,
    runInContext,
    runInNewContext,
    runInThisContext,
    isContext,
  };
  if (natives.compileFunction) exportsObject.compileFunction = natives.compileFunction;
  if (natives.measureMemory) {
    exportsObject.measureMemory = function measureMemory(options = {}) {
      validateObject(options, 'options');
      const { mode = 'summary', execution = 'default' } = options;
      validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
      validateOneOf(execution, 'options.execution', ['default', 'eager']);
      return natives.measureMemory({ mode, execution });
    };
  }
  exportsObject.constants = natives.constants;
  if (natives.experimentalModules) ObjectAssign(exportsObject, natives.modules.classes);
  return { exports: exportsObject, validate: { validateImportModuleDynamically, validateObject, validateString, validateBoolean, validateFunction, validateInt32, validateUint32, validateBuffer, isContext, validateContext } };
})
