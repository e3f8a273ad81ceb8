const acorn = require('acorn');
const ast = acorn.parse('const f = async (a, ...b) => { for await (const x of y) {} }; class A { #p = 1; static { } }', { ecmaVersion: 2022, sourceType: 'module', allowAwaitOutsideFunction: true });
console.log(JSON.stringify(ast).length, ast.body.map((n) => n.type));
try { acorn.parse('let = ;', { ecmaVersion: 2020 }); } catch (e) { console.log(e.name, e.message); }
