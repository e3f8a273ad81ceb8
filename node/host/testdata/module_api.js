const Module = require('module');
console.log(Module._nodeModulePaths('/a/b/node_modules/c').join(','));
console.log(Module._load('module', module) === Module, typeof Module._resolveFilename, Module.isBuiltin('node:module'), Module.isBuiltin('nope'));
const m = new Module('/tmp/virtual.js', module);
m.filename = '/tmp/virtual.js';
m.paths = Module._nodeModulePaths('/tmp');
m._compile('module.exports = { v: 42, dir: __dirname, req: typeof require }', '/tmp/virtual.js');
console.log(JSON.stringify(m.exports));
const req = Module.createRequire(__filename);
console.log(req.resolve('./module_api.js') === __filename, Module.wrap('x').slice(0, 30));
try { Module._load('./nope-missing', module); } catch (e) { console.log(e.code); }
