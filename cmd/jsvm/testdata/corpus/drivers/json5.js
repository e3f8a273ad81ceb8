// json5: parse and stringify JSON5
const JSON5 = require('json5');
console.log(JSON5.parse("{unquoted: 'single', trailing: [1,2,], hex: 0xFF, inf: Infinity, // c\n nan: NaN, '+1': +1, multi: 'a\\\nb'}"));
console.log(JSON5.stringify({ a: 1, 'b-c': [1, 'x'], d: { e: null } }, null, 2), JSON5.stringify('it\'s'));
try { JSON5.parse('{a:}'); } catch (e) { console.log(e.name, e.message, e.lineNumber, e.columnNumber); }
