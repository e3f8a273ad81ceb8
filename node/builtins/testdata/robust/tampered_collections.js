// Map, Set and WeakMap methods throw before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['util.inspect', 'console.log'] };
}
for (const [C, names] of [[Map, ['get', 'set', 'has', 'delete', 'forEach', 'keys', 'values', 'entries']], [Set, ['add', 'has', 'delete', 'forEach', 'values']], [WeakMap, ['get', 'set', 'has', 'delete']], [WeakSet, ['add', 'has']]]) {
  for (const n of names) { const name = n; C.prototype[n] = function () { throw new Error('tampered ' + C.name + '.' + name); }; }
}
Map.prototype[Symbol.iterator] = Map.prototype.entries; Set.prototype[Symbol.iterator] = Set.prototype.values;
require('./mods/tamper.js');
