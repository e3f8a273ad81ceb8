// zlib streams: output as input comes, flush, pipeline with fs streams,
// option checks; recorded with node
const zlib = require('zlib');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline, Readable, Writable, PassThrough } = require('stream');
const show = (label, f) => { try { const r = f(); console.log(label, 'ok', r && r.constructor && r.constructor.name); } catch (e) { console.log(label, e.name, e.code, e.message); } };
show('level', () => zlib.createGzip({ level: 42 }));
show('level type', () => zlib.createGzip({ level: 'x' }));
show('windowBits', () => zlib.createGzip({ windowBits: 3 }));
show('chunkSize', () => zlib.createGzip({ chunkSize: 10 }));
show('strategy', () => zlib.createDeflate({ strategy: 9 }));
show('memLevel', () => zlib.createDeflateRaw({ memLevel: 0 }));
show('dictionary', () => zlib.createDeflate({ dictionary: 5 }));
show('sync level', () => zlib.gzipSync('x', { level: 42 }));
show('inflate windowBits 0', () => zlib.createInflate({ windowBits: 0 }));
show('brotli', () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }));
const big = Buffer.from(Array.from({ length: 200000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join(''));
const steps = [];
function next() { const s = steps.shift(); if (s) s(); }
// flush makes what was written so far decodable before the end
steps.push(() => {
  const d = zlib.createDeflate();
  const parts = [];
  d.on('data', (c) => parts.push(c));
  d.write('hello ');
  d.flush(() => {
    const soFar = Buffer.concat(parts);
    const inf = zlib.createInflate();
    const got = [];
    inf.on('data', (c) => got.push(c));
    inf.write(soFar, () => {
      setImmediate(() => {
        console.log('flushed decodes before end', Buffer.concat(got).toString());
        d.end('world');
        d.on('end', () => { console.log('whole', zlib.inflateSync(Buffer.concat(parts)).toString()); next(); });
      });
    });
  });
});
// decoders emit before their input ends
steps.push(() => {
  const gz = zlib.gzipSync(big);
  const g = zlib.createGunzip();
  let total = 0, ended = false;
  g.once('data', () => { console.log('gunzip data before end', !ended); ended = true; g.end(gz.subarray(gz.length >> 1)); });
  g.on('data', (c) => { total += c.length; });
  g.on('end', () => { console.log('gunzip incremental', total === big.length); next(); });
  g.write(gz.subarray(0, gz.length >> 1));
});
// pipeline with fs streams
steps.push(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zlibt-'));
  const src = path.join(dir, 'in.txt'), gz = path.join(dir, 'in.txt.gz'), back = path.join(dir, 'back.txt');
  fs.writeFileSync(src, big);
  pipeline(fs.createReadStream(src, { highWaterMark: 4096 }), zlib.createGzip(), fs.createWriteStream(gz), (err) => {
    console.log('gzip file', err, zlib.gunzipSync(fs.readFileSync(gz)).equals(big));
    pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(back), (err) => {
      console.log('gunzip file', err, fs.readFileSync(back).equals(big));
      fs.rmSync(dir, { recursive: true });
      next();
    });
  });
});
// every pair through streams, in small chunks; unzip takes both
steps.push(() => {
  const pairs = [['createGzip', 'createGunzip'], ['createDeflate', 'createInflate'], ['createDeflateRaw', 'createInflateRaw'],
    ['createBrotliCompress', 'createBrotliDecompress'], ['createGzip', 'createUnzip'], ['createDeflate', 'createUnzip']];
  let left = pairs.length;
  const results = {};
  for (const [c, d] of pairs) {
    const out = [];
    pipeline(Readable.from((function* () { for (let i = 0; i < 50; i++) yield big.subarray(i * 4000, (i + 1) * 4000); })()), zlib[c](), zlib[d](),
      new Writable({ write(ch, e, cb) { out.push(ch); cb(); } }), (err) => {
        results[c + '|' + d] = [err, Buffer.concat(out).equals(big)];
        if (--left === 0) { for (const k of Object.keys(results).sort()) console.log('pair', k, ...results[k]); next(); }
      });
  }
});
// errors in streams
steps.push(() => {
  const cases = [['createGunzip', Buffer.from('garbage!')], ['createInflate', Buffer.from('xx')], ['createGunzip', zlib.gzipSync('abc').subarray(0, 12)],
    ['createInflate', Buffer.alloc(0)]];
  let left = cases.length;
  const res = [];
  for (const [fn, input] of cases) {
    const s = zlib[fn]();
    s.on('error', (e) => { res.push([fn, input.length, e.code, e.errno, e.message].join(' ')); if (--left === 0) { console.log(res.sort().join('\n')); next(); } });
    s.on('data', () => {});
    s.on('end', () => { res.push(fn + ' ended'); if (--left === 0) { console.log(res.sort().join('\n')); next(); } });
    s.end(input);
  }
});
// trailing data after a gzip member; two members
steps.push(() => {
  const two = Buffer.concat([zlib.gzipSync('one '), zlib.gzipSync('two')]);
  const g = zlib.createGunzip();
  const out = [];
  g.on('data', (c) => out.push(c));
  g.on('end', () => {
    console.log('two members', Buffer.concat(out).toString(), zlib.gunzipSync(two).toString());
    const t = zlib.createGunzip();
    const o2 = [];
    t.on('data', (c) => o2.push(c));
    t.on('error', (e) => { console.log('trailing error', e.code, Buffer.concat(o2).toString()); next(); });
    t.on('end', () => { console.log('trailing zeros', Buffer.concat(o2).toString()); t.destroy(); next(); });
    t.end(Buffer.concat([zlib.gzipSync('body'), Buffer.from('trailing')]));
  });
  g.end(two);
});
steps.push(() => {
  const t = zlib.createGunzip();
  const o = [];
  t.on('data', (c) => o.push(c));
  t.on('end', () => { console.log('trailing zeros', Buffer.concat(o).toString()); next(); });
  t.end(Buffer.concat([zlib.gzipSync('body'), Buffer.alloc(5)]));
});
// dictionary, bytesWritten, close, crc32
steps.push(() => {
  const dict = Buffer.from('hello world dictionary');
  const z = zlib.deflateSync('hello world hello', { dictionary: dict });
  console.log('dict', zlib.inflateSync(z, { dictionary: dict }).toString());
  const g = zlib.createGzip();
  g.on('data', () => {});
  g.on('finish', () => {
    console.log('bytesWritten', g.bytesWritten);
    const c = zlib.createGunzip();
    c.close(() => { console.log('closed', c.destroyed); next(); });
  });
  g.end('12345');
});
steps.push(() => {
  // a callback that throws inside a stream's data handler reaches 'uncaughtException'
  process.once('uncaughtException', (e) => { console.log('uncaught', e.message); next(); });
  const g = zlib.createGunzip();
  g.on('data', () => { throw new Error('from data'); });
  g.end(zlib.gzipSync('x'));
});
next();
