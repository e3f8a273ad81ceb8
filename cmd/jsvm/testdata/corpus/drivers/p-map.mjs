// p-map (concurrency, stop on error, AggregateError) and p-retry (retries, AbortError)
import pMap from 'p-map';
import pRetry, { AbortError } from 'p-retry';
const order = [];
const r = await pMap([60, 10, 15, 5], async (ms, i) => { await new Promise((res) => setTimeout(res, ms)); order.push(i); return ms * 2; }, { concurrency: 2 });
console.log(r, order);
try { await pMap([1, 2, 3], async (x) => { if (x === 2) throw new Error('two'); return x; }); } catch (e) { console.log('stop', e.message); }
try { await pMap([1, 2, 3], async (x) => { if (x > 1) throw new Error('e' + x); return x; }, { stopOnError: false }); } catch (e) { console.log(e.constructor.name, e.errors.map((x) => x.message)); }
let n = 0;
console.log(await pRetry(async () => { n++; if (n < 3) throw new Error('flaky ' + n); return 'ok after ' + n; }, { retries: 5, minTimeout: 1, factor: 1, onFailedAttempt: (e) => console.log('attempt', e.attemptNumber, e.retriesLeft, e.error ? e.error.message : e.message) }));
try { await pRetry(async () => { throw new AbortError('stop now'); }, { retries: 3 }); } catch (e) { console.log('aborted', e.message); }
