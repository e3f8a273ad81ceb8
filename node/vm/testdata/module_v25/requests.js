// moduleRequests and linkRequests with import attributes and source-phase
// imports (Node main's test-vm-module-modulerequests.js and
// -linkmodulerequests.js; no Node v25 runs here: the expectation follows
// Node v25's ModuleWrap::Link and its tests).
const { SourceTextModule, SyntheticModule } = require('vm');
const show = (m) => m.moduleRequests.map((r) => `${r.specifier}${Object.keys(r.attributes).length ? JSON.stringify(r.attributes) : ''}:${r.phase}`).join(' ');
const dep = () => { const m = new SourceTextModule('export default 1;'); m.linkRequests([]); return m; };
const a = new SourceTextModule(`
  import x from 'a';
  import * as x2 from 'a';
  import j from 'a' with { type: 'json' };
  import source s from 'a';
  export * from 'b' with { k: 'v' };
  import 'c';
  const text = "import source t from 'd'"; // not an import: a string
  // import source u from 'e'
`);
console.log('requests', show(a));
console.log('specifiers', a.dependencySpecifiers.join(), Object.isFrozen(a.dependencySpecifiers));
const r0 = a.moduleRequests[0];
console.log('frozen', Object.isFrozen(r0), Object.isFrozen(r0.attributes), Object.getPrototypeOf(r0), a.moduleRequests === a.moduleRequests);
const d1 = dep(); const d2 = dep();
const tryLink = (m, mods) => { try { m.linkRequests(mods); return 'linked'; } catch (e) { return `${e.name} ${e.code}`; } };
// a source-phase request shares its cache key with the evaluation one
console.log('source key mismatch', tryLink(new SourceTextModule("import x from 'a'; import source s from 'a';"), [d1, d2]));
// one specifier, other attributes, other modules: Node links it, jsvm cannot
console.log('attributes', tryLink(new SourceTextModule("import x from 'a'; import j from 'a' with { type: 'json' };"), [d1, d2]));
console.log('attributes, one module', tryLink(new SourceTextModule("import x from 'a'; import j from 'a' with { type: 'json' };"), [d1, d1]));
// a source-phase import of a module without a source object fails at instantiate
const src = new SourceTextModule("import source s from 'a'; export { s };");
src.linkRequests([d1]);
try { src.instantiate(); } catch (e) { console.log('instantiate source', e.name, e.code, e.message.replace(/vm:module\(\d+\)/, 'vm:module(N)')); }
// wrong entries: not modules, a synthetic module is fine
console.log('not a module', tryLink(new SourceTextModule("import 'a';"), [{}]));
console.log('synthetic', tryLink(new SourceTextModule("import 'a';"), [new SyntheticModule([], () => {})]));
console.log('string kept', (() => { const m = new SourceTextModule('export const t = "import source t from \'d\'";'); m.linkRequests([]); m.instantiate(); m.evaluate(); return m.namespace.t; })());
