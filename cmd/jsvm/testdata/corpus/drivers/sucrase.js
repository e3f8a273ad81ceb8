// sucrase: TypeScript, JSX, flow and import transforms
const { transform } = require('sucrase');
const ts = `import x, { y } from './m'; interface P { a: number } enum E { A, B = 5 } export const f = (p: P): number => p.a as number; class C { private z?: string = 'q'; constructor(public w: number) {} }`;
console.log(transform(ts, { transforms: ['typescript', 'imports'] }).code);
console.log(transform('const el = <div className="a" {...p}>hi {name}<b/></div>;', { transforms: ['jsx'], production: true }).code);
console.log(transform('export default function g(a: ?string): void {}', { transforms: ['flow', 'imports'] }).code);
try { transform('let x: = 1', { transforms: ['typescript'] }); } catch (e) { console.log('error', e.message); }
