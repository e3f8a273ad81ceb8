// The seed's import.meta example in the context it describes.
const vm = require('vm');
const contextifiedObject = vm.createContext({ secret: 42 });
(async () => {
  const module = new vm.SourceTextModule(
    'Object.getPrototypeOf(import.meta.prop).secret = secret;',
    {
      context: contextifiedObject,
      initializeImportMeta(meta) {
        meta.prop = {};
      }
    });
  await module.link(() => {});
  await module.evaluate();
  // Now, Object.prototype.secret will be equal to 42.
  console.log(Object.prototype.secret, vm.runInContext('Object.prototype.secret', contextifiedObject));
  delete Object.prototype.secret;

  const fixed = new vm.SourceTextModule(
    'Object.getPrototypeOf(import.meta.prop).secret = secret + 1;',
    {
      context: contextifiedObject,
      initializeImportMeta(meta) {
        meta.prop = vm.runInContext('({})', contextifiedObject);
      }
    });
  await fixed.link(() => {});
  await fixed.evaluate();
  console.log(Object.prototype.secret, vm.runInContext('Object.prototype.secret', contextifiedObject));
})();
