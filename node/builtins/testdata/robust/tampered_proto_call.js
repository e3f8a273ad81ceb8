// Function.prototype.call throws before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['events', 'events.once', 'stream', 'stream.from', 'stream.read', 'console.log', 'url', 'fs/promises'] };
}
Function.prototype.call = function () { throw new Error('tampered call'); };
require('./mods/tamper.js');
