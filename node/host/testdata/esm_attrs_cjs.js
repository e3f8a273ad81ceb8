// import() with attributes from CommonJS, and attribute-like text that is
// no import
const s = "import('./attrs/x.json', { with: { type: 'css' } })"; // import('x', {with: {type: 'y'}})
(async () => {
  const a = await import('./attrs/x.json', { with: { type: 'json' } });
  console.log(JSON.stringify(a.default), s);
  for (const [k, f] of [
    ['none', () => import('./attrs/x.json')],
    ['css', () => import('./attrs/x.json', { with: { type: 'css' } })],
    ['assert', () => import('./attrs/x.json', { assert: { type: 'json' } })],
  ]) {
    try { const m = await f(); console.log(k, "ok", JSON.stringify(m.default)); } catch (e) { console.log(k, e.code, e.message.replace(/\/[^ ]*\/attrs\//g, '<dir>/')); }
  }
})();
