// Node v24's linking API (node v20 has none of it, so this expectation is
// written from Node main's tests: test-vm-module-linkmodulerequests*.js,
// test-vm-module-hastoplevelawait.js).
const { SourceTextModule, SyntheticModule } = require('vm');
const foo = new SourceTextModule('export const foo = 4; await 0;');
foo.linkRequests([]);
const bar = new SourceTextModule("export { foo } from 'foo';");
console.log(JSON.stringify(bar.moduleRequests));
bar.linkRequests([foo]);
bar.instantiate();
console.log(foo.hasTopLevelAwait(), bar.hasTopLevelAwait(), bar.hasAsyncGraph(), bar.status);
const syn = new SyntheticModule(['x'], function () { this.setExport('x', 1); });
const baz = new SourceTextModule("import { x } from 'syn'; export default x;");
baz.linkRequests([syn]);
baz.instantiate();
baz.evaluate().then(() => console.log('baz', baz.namespace.default));
for (const bad of [[], [{}], [null]]) {
  try { new SourceTextModule("import 'a';").linkRequests(bad); } catch (e) { console.log(e.code) }
}
