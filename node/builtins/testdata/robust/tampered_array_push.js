// Array.prototype.push throws before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['stream', 'stream.from', 'stream.read', 'util.inspect', 'util.format', 'console.log', 'url', 'path', 'fs/promises'] };
}
Array.prototype.push = function () { throw new Error('tampered push'); };
require('./mods/tamper.js');
