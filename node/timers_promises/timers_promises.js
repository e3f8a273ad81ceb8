'use strict';
// timers/promises: setTimeout/setImmediate resolve with value; setInterval
// is an async iterator; all take { signal, ref }.
function abortError(signal) {
  const e = internals.newError('Error', 'ABORT_ERR', 'The operation was aborted');
  e.name = 'AbortError';
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}
function checkOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
  const { signal, ref } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw internals.invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  }
  if (ref !== undefined && typeof ref !== 'boolean') throw internals.invalidArgType('options.ref', 'of type boolean', ref);
  return options;
}
function delayed(schedule, clear, value, options) {
  let opts;
  try { opts = checkOptions(options); } catch (e) { return PromiseReject(e); }
  const { signal, ref } = opts;
  if (signal && signal.aborted) return PromiseReject(abortError(signal));
  return new Promise((resolve, reject) => {
    const h = schedule(() => { if (signal) signal.removeEventListener('abort', onAbort); resolve(value); });
    if (ref === false && h && typeof h.unref === 'function') h.unref();
    // Node rejects on a later tick than the abort itself
    function onAbort() { clear(h); process.nextTick(reject, abortError(signal)); }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}
exports.setTimeout = function setTimeout(delay, value, options) {
  return delayed((fn) => globalThis.setTimeout(fn, delay), globalThis.clearTimeout, value, options);
};
exports.setImmediate = function setImmediate(value, options) {
  return delayed((fn) => globalThis.setImmediate(fn), globalThis.clearImmediate, value, options);
};
exports.setInterval = function setInterval(delay, value, options) {
  const { signal, ref } = checkOptions(options);
  let pending = 0, waiting = null, done = false;
  const timer = globalThis.setInterval(() => { pending++; if (waiting) { const w = waiting; waiting = null; w(); } }, delay);
  if (ref === false) timer.unref();
  const stop = () => { done = true; globalThis.clearInterval(timer); };
  if (signal) signal.addEventListener('abort', () => { stop(); if (waiting) { const w = waiting; waiting = null; w(); } }, { once: true });
  return {
    next() {
      if (signal && signal.aborted) { stop(); return PromiseReject(abortError(signal)); }
      if (done) return PromiseResolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        const take = () => {
          if (signal && signal.aborted) { reject(abortError(signal)); return; }
          if (done) { resolve({ value: undefined, done: true }); return; }
          pending--;
          resolve({ value, done: false });
        };
        if (pending > 0) take(); else waiting = take;
      });
    },
    return() { stop(); return PromiseResolve({ value: undefined, done: true }); },
    [Symbol.asyncIterator]() { return this; },
  };
};
exports.scheduler = {
  wait: (delay, options) => exports.setTimeout(delay, undefined, options),
  yield: () => exports.setImmediate(),
};
