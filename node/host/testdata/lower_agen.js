// CommonJS and ES module files using async generators load (lowered).
const { count } = require('./mods/lower_agen.js');
(async () => {
  const { twice } = await import('./mods/lower_agen.mjs');
  const out = [];
  try {
    for await (const x of twice(count(3))) out.push(x);
  } catch (e) {
    out.push(e.message);
  }
  console.log(out.join(' '));
  console.log(typeof count, typeof count(1).next, typeof count(1)[Symbol.asyncIterator]);
})();
