// an ES module entry with top-level for await over async generators of
// another module (lowered; the entry's `for await` has no "async" word)
import { gen, Bag, obj } from './mods/lower_agen2.mjs';
const out = [];
for await (const x of gen(3)) out.push(x);
for await (const x of new Bag('p', 'q')) out.push(x);
for await (const x of obj.items()) out.push(x);
for await (const x of [Promise.resolve('r'), 's']) out.push(x);
console.log(out.join(' '));
try {
  for await (const x of (async function* () { yield 1; throw new Error('boom'); })()) out.push(x);
} catch (e) { console.log('caught', e.message); }
