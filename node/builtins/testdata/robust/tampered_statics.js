// static methods of the intrinsics throw before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: [] };
}
const t = (o, names) => { for (const n of names) { const name = n; o[n] = function () { throw new Error('tampered ' + name); }; } };
t(Object, ['keys', 'defineProperty', 'defineProperties', 'getOwnPropertyNames', 'getPrototypeOf', 'setPrototypeOf', 'assign', 'create', 'freeze', 'entries', 'getOwnPropertyDescriptor', 'is']);
t(Array, ['isArray', 'from', 'of']);
t(JSON, ['stringify', 'parse']);
t(Math, ['floor', 'min', 'max', 'abs', 'ceil', 'trunc', 'round', 'pow']);
t(Reflect, ['apply', 'ownKeys', 'construct', 'defineProperty', 'getPrototypeOf']);
t(Number, ['isInteger', 'isNaN', 'isSafeInteger']);
t(String, ['fromCharCode']);
require('./mods/tamper.js');
