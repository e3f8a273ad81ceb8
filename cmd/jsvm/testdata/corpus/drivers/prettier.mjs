// prettier: format JS, CSS and JSON with options
import * as prettier from 'prettier';
console.log(await prettier.format('const a={b:1,c:[1,2,3]};function f(x){return x*2}\nlet s="q"', { parser: 'babel' }));
console.log(await prettier.format('const a = {b: 1}', { parser: 'babel', semi: false, singleQuote: true, tabWidth: 4 }));
console.log(await prettier.format('a{color:red;margin:0 auto}', { parser: 'css' }));
console.log(await prettier.format('{"a":1,"b":[true,null]}', { parser: 'json' }));
try { await prettier.format('const = ;', { parser: 'babel' }); } catch (e) { console.log(e.name, e.message.split('\n')[0]); }
