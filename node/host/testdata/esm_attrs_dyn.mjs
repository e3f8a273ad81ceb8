const cases = {
  with: () => import('./attrs/x.json', { with: { type: 'json' } }),
  assert: () => import('./attrs/x.json', { assert: { type: 'json' } }),
  both: () => import('./attrs/x.json', { with: { type: 'json' }, assert: {type:'css'} }),
  bothRev: () => import('./attrs/x.json', { assert: {type:'css'}, with: { type: 'json' } }),
  trailing: () => import('./attrs/x.json', { with: { type: 'json', }, },),
  quoted: () => import("./attrs/x.json", { "with": { "type": "json" } }),
  none: () => import('./attrs/x.json'),
  comma: () => import('./attrs/x.json',),
  empty: () => import('./attrs/x.json', {}),
  emptyWith: () => import('./attrs/x.json', { with: {} }),
  css: () => import('./attrs/x.json', { with: { type: 'css' } }),
  extra: () => import('./attrs/x.json', { with: { type: 'json', a: 'b' } }),
  extraOnly: () => import('./attrs/m.mjs', { with: { a: 'b' } }),
  dupLast: () => import('./attrs/x.json', { with: { type: 'css', type: 'json' } }),
  mjsjson: () => import('./attrs/m.mjs', { with: { type: 'json' } }),
  cjsjson: () => import('./attrs/c.cjs', { with: { type: 'json' } }),
  cjsnone: () => import('./attrs/c.cjs'),
  bad: () => import('./attrs/bad.json', { with: { type: 'json' } }),
  missing: () => import('./attrs/nope.json', { with: { type: 'css' } }),
  nosuch: () => import('node:nosuch'),
  nosuchAttr: () => import('node:nosuch', { with: { type: 'json' } }),
  nodefs: () => import('node:fs', { with: { type: 'css' } }),
  esc: () => import('./attrs/x.json', { with: { type: 'j\u0073on' } }),
};
for (const [k, f] of Object.entries(cases)) {
  try { const m = await f(); console.log(k, 'ok', JSON.stringify(m.default), Object.keys(m).join()); }
  catch (e) { console.log(k, e.name, e.code, e.message.replace(/\/[^ ]*\/attrs\//g, '<dir>/')); }
}
