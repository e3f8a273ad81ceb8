// import(specifier, options) with options that are no literal: read when
// the call runs, in V8's order, errors as rejections (Node v20's codes).
// Each case imports a JSON file of its own (Node caches the attribute
// check per URL and type).
const files = Array.from({ length: 21 }, (_, i) => `rt/${i}.json`);
const opts = [
  undefined, null, 1, 'x', {}, { with: undefined }, { with: null }, { with: 1 }, { with: { type: 'json' } }, { with: { type: 1 } },
  { with: { type: 'css' } }, { with: { foo: 'bar' } }, { assert: { type: 'json' } }, { get with() { throw new Error('getter'); } },
  { with: { get type() { throw new Error('attr getter'); } } }, { with: new Proxy({ type: 'json' }, { ownKeys() { throw new Error('ownKeys'); } }) },
  { with: Object.create({ type: 'json' }) }, { with: { type: 'json', [Symbol('s')]: 1 } }, { with: { type: 'json' }, assert: { type: 'css' } },
  [],
];
for (let i = 0; i < opts.length; i++) {
  try {
    const ns = await import('./attrs/' + files[i], opts[i]);
    console.log(i, 'ok', JSON.stringify(ns.default));
  } catch (e) {
    console.log(i, 'err', e?.constructor?.name, e?.code, e?.message?.replace(/file:\/\/\S*\/attrs/, 'attrs'));
  }
}
// the order of the reads
const log = [];
const tr = (o, n) => new Proxy(o, {
  get(t, k) { log.push(n + '.get ' + String(k)); return t[k]; },
  ownKeys(t) { log.push(n + '.ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push(n + '.gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
});
const spec = { toString() { log.push('toString'); return './attrs/m.mjs'; } };
for (const o of [tr({}, 'o'), tr({ assert: tr({ type: 'json', b: 'x' }, 'a') }, 'o'), tr({ with: tr({ b: 1, type: 'json' }, 'w') }, 'o')]) {
  log.length = 0;
  try { await import(spec, o); console.log('ok'); } catch (e) { console.log('err', e.code, e.message); }
  console.log(log.join(', '));
}
try { await import({ toString() { throw new Error('spec first'); } }, { get with() { throw new Error('not read'); } }); } catch (e) { console.log(e.message); }
const p = import('./attrs/m.mjs', 7);
console.log(p instanceof Promise);
await p.catch((e) => console.log('rejected', e.message));
// an await in the options, in a function
const f = async (t) => (await import('./attrs/rt/20.json', { with: { type: await t } })).default;
console.log(JSON.stringify(await f('json')));
