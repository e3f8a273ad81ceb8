// Function.prototype.apply throws before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['events', 'events.once', 'stream', 'stream.from'] };
}
Function.prototype.apply = function () { throw new Error('tampered apply'); };
require('./mods/tamper.js');
