// vm.compileFunction: argument validation in Node's order, then the Go
// native natives.compileFunctionNative does the work.
(function (natives) {
  'use strict';
  const { invalidArgType, outOfRange } = natives;
  const { ArrayIsArray, ArrayBufferIsView, NumberIsInteger, Uint8Array } = natives.primordials;
  function checkInt32(value, name) {
    if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
    if (!NumberIsInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < -2147483648 || value > 2147483647) throw outOfRange(name, '>= -2147483648 && <= 2147483647', value);
  }
  function isPlainObjectArg(value) {
    return value !== null && typeof value === 'object' && !ArrayIsArray(value);
  }
  function toBytes(view) {
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  function compileFunction(code, params, options = {}) {
    if (typeof code !== 'string') throw invalidArgType('code', 'of type string', code);
    if (!isPlainObjectArg(options)) throw invalidArgType('options', 'of type object', options);
    if (params !== undefined) {
      if (!ArrayIsArray(params)) throw invalidArgType('params', 'an instance of Array', params);
      for (let i = 0; i < params.length; i++) {
        if (typeof params[i] !== 'string') throw invalidArgType(`params[${i}]`, 'of type string', params[i]);
      }
    } else {
      params = [];
    }
    const {
      filename = '',
      columnOffset = 0,
      lineOffset = 0,
      cachedData,
      produceCachedData = false,
      parsingContext,
      contextExtensions = [],
      importModuleDynamically,
    } = options;
    if (typeof filename !== 'string') throw invalidArgType('options.filename', 'of type string', filename);
    checkInt32(columnOffset, 'options.columnOffset');
    checkInt32(lineOffset, 'options.lineOffset');
    if (cachedData !== undefined && !ArrayBufferIsView(cachedData)) {
      throw invalidArgType('options.cachedData', 'an instance of Buffer, TypedArray, or DataView', cachedData);
    }
    if (typeof produceCachedData !== 'boolean') throw invalidArgType('options.produceCachedData', 'of type boolean', produceCachedData);
    if (parsingContext !== undefined) {
      if (parsingContext === null || typeof parsingContext !== 'object' || !natives.isContext(parsingContext)) {
        throw invalidArgType('options.parsingContext', 'an instance of Context', parsingContext);
      }
    }
    if (!ArrayIsArray(contextExtensions)) throw invalidArgType('options.contextExtensions', 'an instance of Array', contextExtensions);
    const extensions = [];
    for (let i = 0; i < contextExtensions.length; i++) {
      const e = contextExtensions[i];
      if (!isPlainObjectArg(e)) throw invalidArgType(`options.contextExtensions[${i}]`, 'of type object', e);
      extensions[i] = e;
    }
    if (importModuleDynamically !== undefined && typeof importModuleDynamically !== 'function' &&
        importModuleDynamically !== natives.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) {
      throw invalidArgType('options.importModuleDynamically', 'of type function', importModuleDynamically);
    }
    // params are read by index in Go (as V8 reads them), never iterated
    const r = natives.compileFunctionNative(
      code, params, filename, lineOffset, columnOffset,
      cachedData === undefined ? undefined : toBytes(cachedData),
      produceCachedData, parsingContext, extensions, importModuleDynamically);
    const fn = r[0], accepted = r[1], produced = r[2];
    if (produceCachedData) {
      fn.cachedDataProduced = produced !== undefined;
      if (produced !== undefined) fn.cachedData = natives.toBuffer(produced);
    }
    if (cachedData !== undefined) fn.cachedDataRejected = !accepted;
    return fn;
  }
  return compileFunction;
})
