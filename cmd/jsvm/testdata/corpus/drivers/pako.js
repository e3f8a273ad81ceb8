// pako (zlib in JS) and node's zlib read each other's output
const pako = require('pako');
const zlib = require('zlib');
const text = 'pako and zlib '.repeat(200) + '€😀';
const a = pako.deflate(text);
console.log('pako->zlib', zlib.inflateSync(Buffer.from(a)).toString() === text);
console.log('zlib->pako', pako.inflate(zlib.deflateSync(text), { to: 'string' }) === text);
console.log('gzip', pako.ungzip(zlib.gzipSync(text), { to: 'string' }) === text, zlib.gunzipSync(Buffer.from(pako.gzip(text))).toString() === text);
console.log('raw', pako.inflateRaw(zlib.deflateRawSync(text), { to: 'string' }) === text, zlib.inflateRawSync(Buffer.from(pako.deflateRaw(text))).toString() === text);
const inf = new pako.Inflate({ to: 'string' });
const z = zlib.deflateSync(text);
for (let i = 0; i < z.length; i += 100) inf.push(z.subarray(i, i + 100), i + 100 >= z.length);
console.log('chunked', inf.result === text, inf.err);
try { pako.inflate(Buffer.from('garbage')); } catch (e) { console.log('pako error', e); }
const gz = zlib.createGzip({ level: 1 });
const parts = [];
gz.on('data', (c) => parts.push(c));
gz.on('end', () => console.log('stream->pako', pako.ungzip(Buffer.concat(parts), { to: 'string' }) === text));
gz.write(text.slice(0, 100));
gz.end(text.slice(100));
