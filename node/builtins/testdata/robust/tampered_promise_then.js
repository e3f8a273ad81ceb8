// Promise.prototype.then throws before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['events.once', 'fs/promises', 'fs/promises.stat'] };
}
Promise.prototype.then = function () { throw new Error('tampered then'); };
require('./mods/tamper.js');
