// import() answered by vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER from
// inside other contexts (createContext's option, a Script's, a
// DONT_CONTEXTIFY context): the module loads in main and the context's
// promise settles with main's namespace or error. Recorded with node.
const vm = require('vm');
const { USE_MAIN_CONTEXT_DEFAULT_LOADER: L } = vm.constants;
process.on('warning', () => {});
(async () => {
  const ctx = vm.createContext({}, { importModuleDynamically: L });
  for (const spec of ['./message.mjs', './missing.mjs', './throws.mjs', 'events', 'node:nosuch']) {
    try {
      const ns = await new vm.Script(`import(${JSON.stringify(spec)})`, { importModuleDynamically: L, filename: __filename }).runInContext(ctx);
      const own = await import(spec.startsWith('.') ? __dirname + '/' + spec : spec);
      console.log(spec, 'ok', typeof ns, ns === own);
    } catch (e) { console.log(spec, e.code || e.message, e instanceof Error); }
  }
  // no referrer (eval in a promise job): createContext's option, from the working directory
  const r = await vm.runInContext('Promise.resolve("import(\'./nowhere.mjs\')").then(eval)', ctx).catch((e) => e.code);
  console.log('no referrer', r);
  const plain = vm.createContext(vm.constants.DONT_CONTEXTIFY);
  const p = new vm.Script('import("./message.mjs")', { importModuleDynamically: L, filename: __filename }).runInContext(plain);
  console.log('plain', (await p).message);
})();
