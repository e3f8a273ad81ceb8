const { performance, PerformanceObserver, PerformanceEntry, createHistogram } = require('perf_hooks');
console.log(typeof performance.now(), performance.now() >= 0, performance.now() < 60000, typeof performance.timeOrigin, globalThis.performance === performance);
const obs = new PerformanceObserver((list, o) => {
  console.log('observed', list.getEntries().map((e) => e.entryType + ':' + e.name));
  o.disconnect();
});
obs.observe({ entryTypes: ['measure'] });
const m = performance.mark('a', { detail: { x: 1 } });
console.log(m.name, m.entryType, m.duration, m.detail, m instanceof PerformanceEntry);
performance.mark('b');
const ms = performance.measure('a to b', 'a', 'b');
console.log(ms.entryType, ms.duration >= 0, performance.getEntriesByType('mark').length, performance.getEntriesByName('a').length);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.code, e.message); }
performance.clearMarks('a');
console.log(performance.getEntriesByType('mark').map((e) => e.name));
const h = createHistogram(); h.record(1); h.record(3); console.log(h.min, h.max, h.mean, h.count);
const f = performance.timerify(function add(a, b) { return a + b; });
console.log(f(2, 3), PerformanceObserver.supportedEntryTypes.includes('mark'));
