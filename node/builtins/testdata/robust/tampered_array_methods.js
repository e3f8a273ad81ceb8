// Array.prototype methods throw before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['events', 'events.once', 'stream', 'stream.from', 'stream.read', 'util.inspect', 'util.format', 'console.log', 'url', 'timers', 'timers/promises'] };
}
for (const m of ['forEach', 'map', 'filter', 'join', 'slice', 'splice', 'indexOf', 'includes', 'concat', 'shift', 'unshift', 'pop', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort', 'reverse', 'fill', 'keys', 'entries', 'values', 'lastIndexOf', 'flat']) {
  const name = m;
  Array.prototype[m] = function () { throw new Error('tampered Array.prototype.' + name); };
}
require('./mods/tamper.js');
