// an async generator and for await in a CommonJS file (sobek rejects both)
async function* count(n) {
  for (let i = 0; i < n; i++) yield i;
  throw new Error('done counting');
}
module.exports = { count };
