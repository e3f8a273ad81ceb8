// import() with options read at run time, from CommonJS (a file sobek
// cannot parse as it is: its import() has two arguments)
const o = { with: { type: 'json' } };
(async () => {
  console.log(JSON.stringify((await import('./attrs/x.json', o)).default));
  for (const bad of [5, { with: 'json' }, { with: { type: 5 } }]) {
    try { await import('./attrs/x.json', bad); } catch (e) { console.log(e.constructor.name, e.message); }
  }
  const opts = () => ({ assert: { type: 'json' } });
  console.log(JSON.stringify((await import('./attrs/x.json', opts())).default));
})();
