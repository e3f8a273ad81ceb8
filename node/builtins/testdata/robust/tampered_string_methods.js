// String.prototype methods throw before the builtins are required and used
// (mods/tamper.js): Node's builtins use primordials and keep working.
'use strict';
{
  const write = process.stdout.write.bind(process.stdout);
  globalThis.__tamperSaved = { log: (s) => write(s + '\n'), stringify: JSON.stringify, skip: ['url'] };
}
for (const m of ['slice', 'indexOf', 'lastIndexOf', 'split', 'replace', 'charCodeAt', 'charAt', 'toLowerCase', 'toUpperCase', 'trim', 'startsWith', 'endsWith', 'includes', 'padStart', 'repeat', 'substring', 'codePointAt', 'match', 'search', 'concat', 'normalize']) {
  const name = m;
  String.prototype[m] = function () { throw new Error('tampered String.prototype.' + name); };
}
require('./mods/tamper.js');
