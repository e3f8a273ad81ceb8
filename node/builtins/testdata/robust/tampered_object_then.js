// Object.prototype.then, a hijacking thenable, before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: [] };
}
Object.prototype.then = function (resolve) { delete Object.prototype.then; resolve('hijacked'); };
require('./mods/tamper.js');
