const vm = require('vm');
// The seed declares `module`, which CommonJS forbids at top level: a block.
{

  const source = '{ "a": 1 }';
  const module = new vm.SyntheticModule(['default'], function() {
    const obj = JSON.parse(source);
    this.setExport('default', obj);
  });

  // Use `module` in linking...
  (async () => {
    await module.link(() => {});
    await module.evaluate();
    console.log(module.namespace.default, module.status);
  })();
}
