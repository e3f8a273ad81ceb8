// @babel/parser: parse modern JS/TS/JSX to an AST
const { parse, parseExpression } = require('@babel/parser');
const ast = parse('import x from "y"; export const f = async (a, ...b) => { await a?.b ?? c; }; class C { #p = 1; static { } }', { sourceType: 'module' });
console.log(ast.program.body.map((n) => n.type), ast.program.body[1].declaration.declarations[0].init.async);
const ts = parse('let x: number = <any>1; interface I { a?: string }', { plugins: ['typescript'] });
console.log(ts.program.body.map((n) => n.type));
const jsx = parse('const el = <div className="a">{x}</div>;', { plugins: ['jsx'] });
console.log(jsx.program.body[0].declarations[0].init.type, parseExpression('a + b * c').right.operator);
try { parse('let let = 1;'); } catch (e) { console.log(e.name, e.message, e.loc, e.reasonCode); }
