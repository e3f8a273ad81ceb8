const { ReadableStream, WritableStream, TransformStream } = require('stream/web');
const main1 = (async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  console.log(rs, rs.locked);
  const out = [];
  for await (const x of rs) out.push(x);
  console.log(out, rs.locked);
  const ts = new TransformStream({ transform(ch, c) { c.enqueue(ch.toUpperCase()); } });
  const w = [];
  await new ReadableStream({ pull(c) { c.enqueue('x' + w.length); if (w.length >= 2) c.close(); } }, { highWaterMark: 0 })
    .pipeThrough(ts).pipeTo(new WritableStream({ write(ch) { w.push(ch); } }));
  console.log(w);
  const [a, b] = ReadableStream.from([1, 2, 3]).tee();
  const ra = a.getReader(), rb = b.getReader();
  console.log(await ra.read(), await rb.read(), await ra.read());
  const bytes = new ReadableStream({ type: 'bytes', pull(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
  const br = bytes.getReader({ mode: 'byob' });
  console.log(await br.read(new Uint8Array(2)), await br.read(new Uint8Array(4)), await br.read(new Uint8Array(4)));
  const enc = new TextEncoderStream();
  const dec = new TextDecoderStream();
  const text = await Response_(ReadableStream.from(['héllo', ' wörld']).pipeThrough(enc).pipeThrough(new CompressionStream('gzip')).pipeThrough(new DecompressionStream('gzip')).pipeThrough(dec));
  console.log(text);
  try { new ReadableStream({ type: 'x' }) } catch (e) { console.log(e.name, e.code, e.message) }
  const er = new ReadableStream({ start(c) { c.error(new Error('boom')) } });
  try { await er.getReader().read() } catch (e) { console.log('read error', e.message) }
  const ws = new WritableStream({ write() { throw new Error('sink fails') } });
  const wr = ws.getWriter();
  try { await wr.write('x') } catch (e) { console.log('write error', e.message) }
  try { await wr.close() } catch (e) { console.log('close error', e.message) }
  const ac = new AbortController();
  let late = 0;
  const p = new ReadableStream({ pull(c) { return new Promise(r => setTimeout(() => { try { c.enqueue(1); } catch (e) { late++; } r() }, 5)) } }).pipeTo(new WritableStream(), { signal: ac.signal });
  setTimeout(() => ac.abort(), 20);
  try { await p } catch (e) { console.log('pipe aborted', e.name, e.message) }
  await new Promise((r) => setTimeout(r, 30));
  console.log('enqueue after cancel throws', late);
})();
async function Response_(rs) { let s = ''; for await (const x of rs) s += x; return s; }

const { Readable, Writable } = require('stream');
const main2 = async () => {
  const rs = Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
  const out = []; for await (const c of rs) out.push(c);
  console.log(out);
  const r = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }), { objectMode: true });
  const got = []; for await (const c of r) got.push(c); console.log(got);
  const chunks = [];
  const w = Writable.toWeb(new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } }));
  const wr = w.getWriter(); await wr.write('hello'); await wr.write(new Uint8Array([65])); await wr.close(); console.log(chunks);
  const sink = []; const ws = new WritableStream({ write(c) { sink.push(c); } });
  const nw = Writable.fromWeb(ws); nw.write('abc'); nw.end('d', () => console.log('ended', sink.map(x => Buffer.from(x).toString())));
  await new Promise(r => setTimeout(r, 10));
  const failing = Readable.fromWeb(new ReadableStream({ pull() { throw new Error('source throws'); } }));
  failing.on('error', (e) => console.log('fromWeb error', e.message));
  failing.resume();
  await new Promise(r => setTimeout(r, 10));
  const badSink = Writable.fromWeb(new WritableStream({ write() { throw new Error('sink throws'); } }));
  badSink.on('error', (e) => console.log('sink error', e.message));
  badSink.write('x');
  await new Promise(r => setTimeout(r, 10));
  try { Readable.toWeb({}) } catch (e) { console.log(e.code, e.message) }
  try { Readable.fromWeb({}) } catch (e) { console.log(e.code, e.message) }
  const src = new Readable({ read() {} }); const web = Readable.toWeb(src); const rd = web.getReader();
  src.destroy(new Error('node side died'));
  try { await rd.read() } catch (e) { console.log('toWeb error', e.message) }
};
const main3 = async () => {
const b = new Blob(['hello ', 'world'], { type: 'text/plain' });
const parts = []; for await (const c of b.stream()) parts.push(c);
console.log(parts, await countBytes(b));
const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 });
console.log(f, f.name, f.lastModified, f instanceof Blob, await f.text(), Object.prototype.toString.call(f));
try { new File(['x']) } catch (e) { console.log(e.code, e.message) }
console.log(require('buffer').File === File);
};
async function countBytes(b) { const r = b.stream().getReader(); let n = 0; for (;;) { const { done, value } = await r.read(); if (done) return n; n += value.length; } }

// adversarial: throwing sources, sizes, transforms, sinks; misuse
const main4 = async () => {
  const log = (...a) => console.log('adv', ...a);
  try { new ReadableStream({ start() { throw new Error('start throws'); } }); } catch (e) { log('start', e.message); }
  const s1 = new ReadableStream({ start() { return Promise.reject(new Error('start rejects')); } });
  try { await s1.getReader().read(); } catch (e) { log('start', e.message); }
  const s2 = new ReadableStream({ pull(c) { c.enqueue('x'); } }, { highWaterMark: 2, size() { throw new Error('size throws'); } });
  try { await s2.getReader().read(); } catch (e) { log('size', e.message); }
  const t = new TransformStream({ transform() { throw new Error('transform throws'); } });
  const w = t.writable.getWriter();
  const rp = t.readable.getReader().read();
  await w.write('a').catch((e) => log('transform write', e.message));
  await rp.catch((e) => log('transform read', e.message));
  const cancelled = [];
  const src = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled.push(String(r)); } });
  await src.pipeTo(new WritableStream({ write() { throw new Error('sink breaks'); } })).catch((e) => log('pipeTo', e.message));
  log('source cancelled with', cancelled);
  const r = new ReadableStream();
  const reader = r.getReader();
  const pending = reader.read();
  reader.releaseLock();
  await pending.catch((e) => log('released', e.code, e.message));
  try { r.getReader().releaseLock(); r.getReader(); r.getReader(); } catch (e) { log('locked', e.code, e.message); }
  const ws = new WritableStream();
  const wr = ws.getWriter();
  await wr.close();
  wr.releaseLock(); // (node v20 asserts on a write after close: not compared)
  await wr.write('late').catch((e) => log('after release', e.code, e.message));
  try { new ReadableStream({ start: 1 }); } catch (e) { log('bad start', e.name); }
  for (const f of [() => new ReadableStream(5), () => new WritableStream({}, 5), () => new ReadableStream({}, { highWaterMark: -1 }),
    () => new CompressionStream('zip'), () => new ReadableStream({}).getReader({ mode: 'x' }), () => ReadableStream.prototype.getReader.call({})]) {
    try { f(); log('no throw'); } catch (e) { log(e.name, e.code, e.message); }
  }
  const gw = new DecompressionStream('gzip').writable.getWriter();
  gw.write(new Uint8Array([1, 2, 3])).catch(() => {});
  await gw.closed.catch((e) => log('bad gzip', e.code));
  const it = ReadableStream.from((function* () { yield 1; yield 2; throw new Error('iterator throws'); })());
  const seen = [];
  try { for await (const v of it) seen.push(v); } catch (e) { log('from', seen, e.message); }
  const early = ReadableStream.from([1, 2, 3]);
  for await (const v of early) { log('first', v); break; }
  log('after break locked', early.locked);
};
main1.then(async () => { await main2(); await main3(); await main4(); });
