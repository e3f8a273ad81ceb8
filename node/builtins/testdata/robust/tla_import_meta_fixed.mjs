// Flags: --experimental-vm-modules
import vm from 'vm';

const contextifiedObject = vm.createContext({ secret: 42 });

const module = new vm.SourceTextModule(
  'Object.getPrototypeOf(import.meta.prop).secret = secret;',
  {
    context: contextifiedObject,
    initializeImportMeta(meta) {
      meta.prop = vm.runInContext('({})', contextifiedObject);
    }
  });
await module.link(() => {});
await module.evaluate();
console.log(Object.prototype.secret, vm.runInContext('Object.prototype.secret', contextifiedObject));
await null;
throw new Error('after');
