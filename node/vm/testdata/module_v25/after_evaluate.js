// An afterEvaluate context's queue is checkpointed by every evaluate(),
// also of a module already evaluated (Node v25, nodejs/node#59541,
// test-vm-module-after-evaluate.js); import() callbacks get the phase as
// a fourth argument (test-vm-module-dynamic-import.js). Written from
// Node v25's tests: no Node v25 runs here.
const vm = require('vm');
const { SourceTextModule, Script } = vm;
const order = [];
(async () => {
  const inner = {};
  const context = vm.createContext({ inner }, { microtaskMode: 'afterEvaluate' });
  const mod = new SourceTextModule('inner.p = Promise.resolve("inner value"); inner.p.then(() => inner.ran = true);', { context });
  await mod.link(() => {});
  await mod.evaluate();
  order.push('evaluated, inner job ran: ' + inner.ran);
  setImmediate(() => {
    order.push('immediate');
    const again = mod.evaluate(); // checkpoints the context's queue
    order.push('again is a promise: ' + (again instanceof Promise));
  });
  order.push('awaited ' + await inner.p);
  // an errored module's evaluate() checkpoints too
  const bad = new SourceTextModule('inner.q = Promise.resolve(2); throw new Error("bad");', { context });
  await bad.link(() => {});
  await bad.evaluate().catch((e) => order.push('bad: ' + e.message));
  setImmediate(() => bad.evaluate().catch(() => {}));
  order.push('awaited ' + await inner.q);
  // import() callbacks: specifier, referrer, attributes, phase
  const foo = new SourceTextModule('export const a = 1;');
  foo.linkRequests([]);
  foo.instantiate();
  await foo.evaluate();
  const s = new Script('import("foo", { with: { k: "v" } })', {
    importModuleDynamically(...args) {
      order.push(`callback: ${args.length} args, ${args[0]}, referrer is the script ${args[1] === s}, ${JSON.stringify(args[2])}, ${args[3]}`);
      return foo;
    },
  });
  order.push('namespace: ' + ((await s.runInThisContext()) === foo.namespace));
  console.log(order.join('\n'));
})();
