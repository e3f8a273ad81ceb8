const vm = require('vm');
// The seed declares `module`, which CommonJS forbids at top level: a block.
{
  // Create an initial module
  const module = new vm.SourceTextModule('const a = 1;');

  // Create cached data from this module
  const cachedData = module.createCachedData();

  // Create a new module using the cached data. The code must be the same.
  const module2 = new vm.SourceTextModule('const a = 1;', { cachedData });
  console.log(Buffer.isBuffer(cachedData), module2.status);
}
