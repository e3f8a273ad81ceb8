// Node v25's module API (--vm-api=v25), adversarial cases. No Node v25
// runs here: the expectation is derived from Node v25's lib/internal/vm/
// module.js (evaluate() returns ModuleWrap's promise from inside a try
// whose catch returns a rejection; SyntheticModule instantiated in its
// constructor; validateThisInternalField) and its tests
// (test-vm-module-evaluate-*.js, -instantiate, -synthetic, -errors).
const { SourceTextModule, SyntheticModule, Module } = require('vm');
const { inspect } = require('util');
const show = (p) => inspect(p).replace(/\s+/g, ' ').replace(/(rejected>) .*/, '$1');
const code = (p) => p.then(() => 'fulfilled', (e) => `${e.name} ${e.code}: ${e.message}`);
const linked = (src, deps = []) => { const m = new SourceTextModule(src); m.linkRequests(deps); m.instantiate(); return m; };
const out = [];
const log = (...a) => out.push(a.join(' '));
(async () => {
  // settled at once: fulfilled, rejected, pending with top-level await
  log('sync', show(linked('export const a = 1;').evaluate()));
  const thrower = linked('throw new Error("boom");');
  const rej = thrower.evaluate();
  log('throw', show(rej), thrower.status, thrower.error.message);
  log('again: the same promise', thrower.evaluate() === rej, await rej.catch((e) => e === thrower.error));
  const tla = linked('await 0; export const b = 2;');
  const tlaP = tla.evaluate();
  log('tla', show(tlaP), tla.status, tla.evaluate() === tlaP, await tlaP, tla.evaluate() === tlaP);
  // validation failures are rejections, never throws
  const m = linked('');
  for (const opts of [null, 1, 'x', { timeout: -1 }, { timeout: 1.5 }, { breakOnSigint: 1 }]) {
    let r;
    try { r = m.evaluate(opts); } catch (e) { r = 'threw ' + e.code; }
    log('options', inspect(opts), typeof r === 'string' ? r : await code(r));
  }
  const getter = { get timeout() { throw new Error('getter'); } };
  log('throwing getter', await code(m.evaluate(getter)));
  log('wrong this', await code(Module.prototype.evaluate.call({})));
  log('wrong this 2', await code(SourceTextModule.prototype.evaluate.call(null)));
  log('unlinked', await code(new SourceTextModule('').evaluate()));
  // re-entrant evaluate while evaluating
  let reentered;
  globalThis.reenter = () => { reentered = selfRef.evaluate(); };
  const selfRef = linked('globalThis.reenter(); export const c = 3;');
  log('outer', await code(selfRef.evaluate()));
  log('reentered', await code(reentered));
  // a runaway module under timeout: a rejection, the module errored
  const loop = linked('while (true) {}');
  log('timeout', await code(loop.evaluate({ timeout: 20 })), loop.status);
  // synthetic modules: linked when made, link() does nothing
  const syn = new SyntheticModule(['x'], function () { this.setExport('x', 7); });
  log('synthetic', syn.status, syn.link(), syn.link(() => { throw new Error('not called'); }));
  syn.setExport('x', 1);
  log('synthetic before evaluate', syn.namespace.x);
  log('synthetic evaluate', show(syn.evaluate()), syn.namespace.x, syn.status);
  const synThrow = new SyntheticModule([], () => { throw new TypeError('steps'); });
  const synP = synThrow.evaluate();
  // a synthetic module has no top-level capability: a new promise each time
  const synP2 = synThrow.evaluate();
  synP2.catch(() => {}); // unhandled, it would end the process
  log('synthetic throw', show(synP), synThrow.status, synThrow.error.message, synP2 === synP, await code(synP2));
  await code(synP);
  let synRe;
  const synSelf = new SyntheticModule([], () => { synRe = synSelf.evaluate(); });
  log('synthetic reenter', await code(synSelf.evaluate()), await code(synRe));
  log('synthetic link on a source text module', SyntheticModule.prototype.link.call(linked('')));
  try { SyntheticModule.prototype.link.call({}); } catch (e) { log('synthetic link this', e.code, e.message); }
  // instantiate() and linkRequests() in the wrong state
  const once = new SourceTextModule('');
  try { once.instantiate(); } catch (e) { log('instantiate unlinked', e.code); }
  once.linkRequests([]);
  once.instantiate();
  try { once.instantiate(); } catch (e) { log('instantiate twice', e.code, e.message); }
  try { once.linkRequests([]); } catch (e) { log('link after instantiate', e.code, e.message); }
  try { new SourceTextModule('').linkRequests('x'); } catch (e) { log('link string', e.code); }
  try { new SourceTextModule("import 'a';").linkRequests([]); } catch (e) { log('mismatch', e.name, e.code, e.message); }
  try { new SourceTextModule('').hasAsyncGraph(); } catch (e) { log('hasAsyncGraph unlinked', e.code, e.message); }
  // receivers: an heir of a module has kWrap, but not the private brand
  try { Object.create(once).status; } catch (e) { log('heir status', e.name, e.message); }
  log('heir identifier', Object.create(once).identifier);
  try { Module.prototype.identifier; } catch (e) { log('prototype identifier', e.code, e.message); }
  console.log(out.join('\n'));
})();
