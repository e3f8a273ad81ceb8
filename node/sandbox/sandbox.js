// The jsvm:sandbox builtin: the JS face of jsvm.Sandbox (internal/sandbox).
// Argument checking and the class live here; the sandbox is Go.
(function (natives) {
  'use strict';
  const { create, set, exportFn, run, runAsync, compile, compileIn, memory, dispose, invalidArgType, outOfRange } = natives;
  const handles = new WeakMap();
  const scripts = new WeakMap();

  function handle(sb) {
    const h = handles.get(sb);
    if (h === undefined) throw invalidArgType('this', 'an instance of Sandbox', sb);
    return h;
  }
  function checkString(v, name) {
    if (typeof v !== 'string') throw invalidArgType(name, 'of type string', v);
  }
  function checkLimit(opts, name) {
    const v = opts[name];
    if (v === undefined) return 0;
    if (typeof v !== 'number') throw invalidArgType('options.' + name, 'of type number', v);
    if (!(v >= 0) || v > Number.MAX_SAFE_INTEGER) throw outOfRange('options.' + name, '>= 0 and <= ' + Number.MAX_SAFE_INTEGER, v);
    return Math.floor(v);
  }

  class Script {
    constructor(code, filename = 'sandbox.js') {
      checkString(code, 'code');
      checkString(filename, 'filename');
      scripts.set(this, compile(code, filename));
    }
  }

  function source(code) {
    if (typeof code === 'string') return code;
    const s = scripts.get(code);
    if (s === undefined) throw invalidArgType('code', 'of type string or an instance of Script', code);
    return s;
  }

  class Sandbox {
    constructor(options = {}) {
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
      const proc = options.process;
      if (proc !== undefined && typeof proc !== 'boolean') throw invalidArgType('options.process', 'of type boolean', proc);
      const console = options.console;
      if (console !== undefined && typeof console !== 'boolean') throw invalidArgType('options.console', 'of type boolean', console);
      handles.set(this, create(checkLimit(options, 'memoryLimit'), checkLimit(options, 'timeout'),
        checkLimit(options, 'cpuLimit'), checkLimit(options, 'maxCallDepth'), console === true, proc === true));
    }
    set(name, value) {
      checkString(name, 'name');
      set(handle(this), name, value);
    }
    export(name, fn) {
      checkString(name, 'name');
      if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
      exportFn(handle(this), name, fn);
    }
    run(code) { return run(handle(this), source(code)); }
    runAsync(code) {
      try {
        return runAsync(handle(this), source(code));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    compile(code, filename = 'sandbox.js') {
      checkString(code, 'code');
      checkString(filename, 'filename');
      // parsed by this sandbox (in its worker for a process sandbox)
      const s = Object.create(Script.prototype);
      scripts.set(s, compileIn(handle(this), code, filename));
      return s;
    }
    measureMemory() { return memory(handle(this)); }
    dispose() { dispose(handle(this)); }
  }
  // how many started worker processes are kept ready for process: true
  // sandboxes (default 1)
  function warmWorkers(n) {
    if (typeof n !== 'number') throw invalidArgType('n', 'of type number', n);
    if (!Number.isInteger(n) || n < 0 || n > 64) throw outOfRange('n', 'an integer >= 0 and <= 64', n);
    natives.warmWorkers(n);
  }
  return { Sandbox, Script, warmWorkers };
})
