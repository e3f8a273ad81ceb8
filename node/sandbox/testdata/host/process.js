'use strict';
// the same checks as api.js, on sandboxes in worker processes: the same output
const { Sandbox, Script } = require('jsvm:sandbox');
const sb = new Sandbox({ process: true, memoryLimit: 64 * 1024 * 1024, timeout: 1000 });
sb.set('data', { a: [1, 2], m: new Map([['k', new Set([1])]]), d: new Date(0) });
const seen = [];
sb.export('log', (x) => { seen.push(x); return { echoed: x }; });
console.log(sb.run('data.a.length + data.m.get("k").size + data.d.getTime()'));
const r = sb.run('const o = { list: [1, 2], when: new Date(86400000), re: /a+/gi }; o.self = o; log(o.list); o');
console.log(r.list, r.when.toISOString(), String(r.re), r.self === r, r instanceof Object);
console.log(seen, seen[0] instanceof Array);
console.log(sb.run('log("x").echoed'));
// a thrown error is a fresh error of this realm
try { sb.run('throw new TypeError("bad")'); } catch (e) { console.log(e instanceof TypeError, e.message); }
try { sb.run('throw { plain: 1 }'); } catch (e) { console.log(e); }
// host errors become sandbox errors, with name and message only
sb.export('fail', () => { const e = new RangeError('host says no'); e.secret = process; throw e; });
console.log(sb.run('try { fail() } catch (e) { [e instanceof RangeError, e.message, "secret" in e, e.constructor === RangeError].join() }'));
// functions do not cross
try { sb.set('f', () => 1); } catch (e) { console.log(e.name, e.code); }
try { sb.run('(function(){})'); } catch (e) { console.log(e.name, e.code); }
// limits
try { sb.run('for(;;){}'); } catch (e) { console.log(e.code, e.message); }
try { sb.run('(function f(){ f() })()'); } catch (e) { console.log(e.name, e.code); }
try { sb.run('new ArrayBuffer(2 ** 40)'); } catch (e) { console.log(e.name, e.message); }
// the memory budget is reached however slow the machine (a long timeout)
const big = new Sandbox({ process: true, memoryLimit: 16 * 1024 * 1024, timeout: 120000 });
try { big.run('let a = []; for (;;) a.push("x".repeat(100000) + a.length)'); } catch (e) { console.log(e.name, e.code); }
try { big.run('1'); } catch (e) { console.log(e.code); }
// compile once, run in many
const script = new Script('globalThis.n = (globalThis.n || 0) + 1');
const a = new Sandbox({ process: true }), b = new Sandbox({ process: true });
console.log(a.run(script), a.run(script), b.run(script), typeof a.measureMemory());
a.runAsync('Promise.resolve(40).then(v => v + 2)').then((v) => console.log('async', v));
a.runAsync('Promise.reject(new SyntaxError("nope"))').catch((e) => console.log('rejected', e instanceof SyntaxError, e.message));
try { new Sandbox({ timeout: -1 }); } catch (e) { console.log(e.code); }
try { new Sandbox({ process: 1 }); } catch (e) { console.log(e.code); }
a.dispose();
try { a.run('1'); } catch (e) { console.log(e.code); }
// what is fatal to a process ends the worker (or its run's limit kills it), not the host
const doomed = new Sandbox({ process: true, timeout: 200 });
try { doomed.run("eval(('a+'.repeat(3999) + 'a;').repeat(200))"); } catch (e) { console.log(e.code); }
try { doomed.run('1'); } catch (e) { console.log(e.code); }
// a script compiled in a worker runs anywhere
const w = new Sandbox({ process: true }), local = new Sandbox();
const s2 = w.compile('typeof k === "undefined" ? (globalThis.k = 1) : ++k');
console.log(w.run(s2), local.run(s2), w.run(s2), s2 instanceof Script);
try { w.compile('let let'); } catch (e) { console.log(e.name, e.code); }
// the pool of started workers
const { warmWorkers } = require('jsvm:sandbox');
try { warmWorkers(-1); } catch (e) { console.log(e.code); }
try { warmWorkers('2'); } catch (e) { console.log(e.code); }
warmWorkers(2);
console.log(new Sandbox({ process: true }).run('"pooled"'));
