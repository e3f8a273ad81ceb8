'use strict';
// perf_hooks basics: performance.now/timeOrigin/mark/measure/entries,
// PerformanceObserver for 'mark' and 'measure', timerify, histograms.
const EE = require('events');
const hr = () => { const [s, ns] = SafeIterable(process.hrtime()); return s * 1e3 + ns / 1e6; };
const origin = hr();
const timeOrigin = DateNow() - (typeof process.uptime === 'function' ? process.uptime() * 1e3 : 0);
const entries = [];
const observers = new Set();

class PerformanceEntry {
  constructor(name, type, start, duration, detail) {
    this.name = name; this.entryType = type; this.startTime = start; this.duration = duration;
    if (detail !== undefined) this.detail = detail;
  }
  toJSON() { return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail }; }
}
class PerformanceMark extends PerformanceEntry {
  constructor(name, options = {}) {
    if (typeof name !== 'string' && arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super(String(name), 'mark', options.startTime !== undefined ? options.startTime : now(), 0, options.detail === undefined ? null : options.detail);
  }
}
class PerformanceMeasure extends PerformanceEntry {}
function now() { return hr() - origin; }
function record(e) {
  MethodPush(entries, e);
  for (const o of SafeIterable(observers)) if (MethodHas(o._types, e.entryType)) o._queue(e);
}
class PerformanceObserverEntryList {
  constructor(list) { this._list = list; }
  getEntries() { return MethodSlice(this._list); }
  getEntriesByType(t) { return MethodFilter(this._list, (e) => e.entryType === t); }
  getEntriesByName(n, t) { return MethodFilter(this._list, (e) => e.name === n && (t === undefined || e.entryType === t)); }
}
class PerformanceObserver {
  constructor(cb) {
    if (typeof cb !== 'function') throw internals.invalidArgType('callback', 'of type function', cb);
    this._cb = cb; this._types = new Set(); this._buf = []; this._scheduled = false;
  }
  observe(options = {}) {
    const types = options.entryTypes || (options.type ? [options.type] : []);
    for (const t of SafeIterable(types)) MethodAdd(this._types, t);
    MethodAdd(observers, this);
    if (options.buffered) for (const e of SafeIterable(entries)) if (MethodHas(this._types, e.entryType)) this._queue(e);
  }
  disconnect() { MethodDelete(observers, this); this._buf = []; }
  takeRecords() { const b = this._buf; this._buf = []; return b; }
  _queue(e) {
    MethodPush(this._buf, e);
    if (!this._scheduled) {
      this._scheduled = true;
      setImmediate(() => { this._scheduled = false; const l = this.takeRecords(); if (l.length) this._cb(new PerformanceObserverEntryList(l), this); });
    }
  }
  static get supportedEntryTypes() { return ['function', 'gc', 'mark', 'measure']; }
}
const performance = {
  now,
  get timeOrigin() { return timeOrigin; },
  mark(name, options) { const m = new PerformanceMark(name, options); record(m); return m; },
  measure(name, start, end) {
    let s = 0, e = now(), detail = null;
    const find = (n) => {
      const m = MethodPop(MethodFilter(entries, (x) => x.name === n && x.entryType === 'mark'));
      if (!m) { const err = new Error(`The "${n}" performance mark has not been set`); err.name = 'SyntaxError'; err.code = 12; throw err; } // a DOMException in Node
      return m.startTime;
    };
    if (start && typeof start === 'object') {
      detail = start.detail === undefined ? null : start.detail;
      if (start.start !== undefined) s = typeof start.start === 'string' ? find(start.start) : start.start;
      if (start.end !== undefined) e = typeof start.end === 'string' ? find(start.end) : start.end;
      if (start.duration !== undefined) e = s + start.duration;
    } else {
      if (start !== undefined) s = find(start);
      if (end !== undefined) e = find(end);
    }
    const m = new PerformanceMeasure(String(name), 'measure', s, e - s, detail);
    record(m);
    return m;
  },
  clearMarks(name) { for (let i = entries.length - 1; i >= 0; i--) if (entries[i].entryType === 'mark' && (name === undefined || entries[i].name === name)) MethodSplice(entries, i, 1); },
  clearMeasures(name) { for (let i = entries.length - 1; i >= 0; i--) if (entries[i].entryType === 'measure' && (name === undefined || entries[i].name === name)) MethodSplice(entries, i, 1); },
  getEntries() { return MethodSlice(entries); },
  getEntriesByName(n, t) { return MethodFilter(entries, (e) => e.name === n && (t === undefined || e.entryType === t)); },
  getEntriesByType(t) { return MethodFilter(entries, (e) => e.entryType === t); },
  timerify(fn) {
    if (typeof fn !== 'function') throw internals.invalidArgType('fn', 'of type function', fn);
    return function timerified(...args) {
      const s = now();
      const r = new.target ? new fn(...SafeIterable(args)) : FunctionPrototypeApply(fn, this, args);
      record(new PerformanceEntry(fn.name, 'function', s, now() - s));
      return r;
    };
  },
  eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; },
  nodeTiming: { name: 'node', entryType: 'node', startTime: 0, duration: 0 },
  toJSON() { return { nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: this.eventLoopUtilization() }; },
};
ObjectDefineProperty(performance, Symbol.toStringTag, { value: 'Performance', configurable: true });
function createHistogram() {
  const values = [];
  return {
    record(v) { MethodPush(values, Number(v)); },
    recordDelta() {},
    get min() { return values.length ? MathMin(...SafeIterable(values)) : 9223372036854776000; },
    get max() { return values.length ? MathMax(...SafeIterable(values)) : 0; },
    get mean() { return values.length ? MethodReduce(values, (a, b) => a + b, 0) / values.length : NaN; },
    get count() { return values.length; },
    get stddev() { const m = this.mean; return values.length ? MathSqrt(MethodReduce(values, (a, b) => a + (b - m) ** 2, 0) / values.length) : NaN; },
    percentile(p) { const s = MethodSort(MethodSlice(values), (a, b) => a - b); return s.length ? s[MathMin(s.length - 1, MathCeil((p / 100) * s.length) - 1)] : 0; },
    reset() { values.length = 0; },
    enable() { return true; },
    disable() { return true; },
  };
}
module.exports = {
  Performance: function Performance() { throw internals.newError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); },
  PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver, PerformanceObserverEntryList,
  PerformanceResourceTiming: class PerformanceResourceTiming extends PerformanceEntry {},
  monitorEventLoopDelay: () => createHistogram(), createHistogram, performance,
  constants: { NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16 },
};
void EE;
