const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const text = 'hello zlib '.repeat(50) + '€😀';
// node-made streams (recorded here) must decompress; round trips must hold
const nodeGzip = 'H4sIAAAAAAAAA8tIzcnJV6jKyUxSSM7PLShKLS7OzM8DAIioI44WAAAA';
const nodeDeflate = 'eJzLSM3JyVeoyslMUkjOzy0oSi0uzszPAwBh1wi4';
const nodeRaw = 'y0jNyclXqMrJTFJIzs8tKEotLs7MzwMA';
const nodeBr = 'GxUA+I1Utb8UY9MrkLQaBJ3K5RydLwI=';
console.log(zlib.gunzipSync(Buffer.from(nodeGzip, 'base64')).toString());
console.log(zlib.inflateSync(Buffer.from(nodeDeflate, 'base64')).toString(), zlib.unzipSync(Buffer.from(nodeDeflate, 'base64')).length);
console.log(zlib.inflateRawSync(Buffer.from(nodeRaw, 'base64')).toString(), zlib.unzipSync(Buffer.from(nodeGzip, 'base64')).length);
console.log(zlib.brotliDecompressSync(Buffer.from(nodeBr, 'base64')).toString());
for (const [c, d] of [['gzipSync', 'gunzipSync'], ['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'], ['brotliCompressSync', 'brotliDecompressSync'], ['gzipSync', 'unzipSync']]) {
  const z = zlib[c](text, { level: 9 });
  console.log(c, d, zlib[d](z).toString() === text, z.length < Buffer.byteLength(text));
}
console.log(zlib.gzipSync('').length > 0, zlib.gunzipSync(zlib.gzipSync('')).length, zlib.gzipSync('x').slice(0, 4).toString('hex'));
for (const [fn, input] of [['gunzipSync', 'nope'], ['inflateSync', 'nope'], ['gunzipSync', ''], ['inflateSync', Buffer.from(nodeDeflate, 'base64').subarray(0, 10)]]) {
  try { zlib[fn](input); console.log(fn, 'ok'); } catch (e) { console.log(fn, e.name, e.code, e.errno, e.message); }
}
try { zlib.gzipSync(42); } catch (e) { console.log(e.code, e.message); }
console.log(zlib.crc32('hello'), zlib.crc32('world', zlib.crc32('hello ')), zlib.constants.Z_BEST_COMPRESSION, zlib.constants.BROTLI_PARAM_QUALITY, zlib.Z_SYNC_FLUSH);
zlib.gzip(text, (err, z) => {
  console.log('cb gzip', err, Buffer.isBuffer(z));
  zlib.gunzip(z, (err, d) => {
    console.log('cb gunzip', err, d.toString() === text);
    zlib.inflate(Buffer.from('bad'), (err) => {
      console.log('cb error', err.code);
      const out = [];
      pipeline(Readable.from([Buffer.from('stream '), Buffer.from('data')]), zlib.createGzip(), zlib.createGunzip(),
        new Writable({ write(c, e, cb) { out.push(c); cb(); } }), (err) => {
          console.log('stream round trip', err, Buffer.concat(out).toString());
          const bad = zlib.createGunzip();
          bad.on('error', (e) => console.log('stream error', e.code, e.message));
          bad.end(Buffer.from('garbage'));
        });
    });
  });
});
