import { produce } from 'immer';
const base = { a: [1, 2], b: { c: 1 } };
const next = produce(base, (d) => { d.a.push(3); d.b.c = 2; });
console.log(JSON.stringify(next), next.b !== base.b, Object.isFrozen(next), base.a.length);
