// Array.prototype[Symbol.iterator] yields nothing before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['fs/promises', 'timers', 'timers/promises'] };
}
Array.prototype[Symbol.iterator] = function* () {};
require('./mods/tamper.js');
