const ts = require('typescript');
const out = ts.transpileModule('enum E { A, B } const x: number = 1; export class C<T> { constructor(private t: T) {} }', { compilerOptions: { target: ts.ScriptTarget.ES2018, module: ts.ModuleKind.CommonJS } });
console.log(ts.version, out.outputText);
