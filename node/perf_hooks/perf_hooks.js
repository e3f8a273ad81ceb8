'use strict';
// perf_hooks basics: performance.now/timeOrigin/mark/measure/entries,
// PerformanceObserver for 'mark' and 'measure', timerify, histograms.
const EE = require('events');
const hr = () => { const [s, ns] = process.hrtime(); return s * 1e3 + ns / 1e6; };
const origin = hr();
const timeOrigin = Date.now() - (typeof process.uptime === 'function' ? process.uptime() * 1e3 : 0);
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
  entries.push(e);
  for (const o of observers) if (o._types.has(e.entryType)) o._queue(e);
}
class PerformanceObserverEntryList {
  constructor(list) { this._list = list; }
  getEntries() { return this._list.slice(); }
  getEntriesByType(t) { return this._list.filter((e) => e.entryType === t); }
  getEntriesByName(n, t) { return this._list.filter((e) => e.name === n && (t === undefined || e.entryType === t)); }
}
class PerformanceObserver {
  constructor(cb) {
    if (typeof cb !== 'function') throw internals.invalidArgType('callback', 'of type function', cb);
    this._cb = cb; this._types = new Set(); this._buf = []; this._scheduled = false;
  }
  observe(options = {}) {
    const types = options.entryTypes || (options.type ? [options.type] : []);
    for (const t of types) this._types.add(t);
    observers.add(this);
    if (options.buffered) for (const e of entries) if (this._types.has(e.entryType)) this._queue(e);
  }
  disconnect() { observers.delete(this); this._buf = []; }
  takeRecords() { const b = this._buf; this._buf = []; return b; }
  _queue(e) {
    this._buf.push(e);
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
      const m = entries.filter((x) => x.name === n && x.entryType === 'mark').pop();
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
  clearMarks(name) { for (let i = entries.length - 1; i >= 0; i--) if (entries[i].entryType === 'mark' && (name === undefined || entries[i].name === name)) entries.splice(i, 1); },
  clearMeasures(name) { for (let i = entries.length - 1; i >= 0; i--) if (entries[i].entryType === 'measure' && (name === undefined || entries[i].name === name)) entries.splice(i, 1); },
  getEntries() { return entries.slice(); },
  getEntriesByName(n, t) { return entries.filter((e) => e.name === n && (t === undefined || e.entryType === t)); },
  getEntriesByType(t) { return entries.filter((e) => e.entryType === t); },
  timerify(fn) {
    if (typeof fn !== 'function') throw internals.invalidArgType('fn', 'of type function', fn);
    return function timerified(...args) {
      const s = now();
      const r = new.target ? new fn(...args) : fn.apply(this, args);
      record(new PerformanceEntry(fn.name, 'function', s, now() - s));
      return r;
    };
  },
  eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; },
  nodeTiming: { name: 'node', entryType: 'node', startTime: 0, duration: 0 },
  toJSON() { return { nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: this.eventLoopUtilization() }; },
};
Object.defineProperty(performance, Symbol.toStringTag, { value: 'Performance', configurable: true });
function createHistogram() {
  const values = [];
  return {
    record(v) { values.push(Number(v)); },
    recordDelta() {},
    get min() { return values.length ? Math.min(...values) : 9223372036854776000; },
    get max() { return values.length ? Math.max(...values) : 0; },
    get mean() { return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN; },
    get count() { return values.length; },
    get stddev() { const m = this.mean; return values.length ? Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length) : NaN; },
    percentile(p) { const s = values.slice().sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0; },
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
