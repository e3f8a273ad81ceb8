// fflate (gzip/deflate/zip in JS, checked against zlib), lz-string, crc-32 and spark-md5
const fflate = require('fflate');
const LZ = require('lz-string');
const CRC32 = require('crc-32');
const SparkMD5 = require('spark-md5');
const zlib = require('zlib');
const text = 'hello fflate '.repeat(200);
const gz = fflate.gzipSync(fflate.strToU8(text), { level: 6, mtime: 0 });
console.log(gz.length < text.length, zlib.gunzipSync(Buffer.from(gz)).toString() === text);
console.log(fflate.strFromU8(fflate.gunzipSync(new Uint8Array(zlib.gzipSync(text)))) === text);
console.log(fflate.strFromU8(fflate.inflateSync(new Uint8Array(zlib.deflateRawSync('raw deflate')))));
const zip = fflate.zipSync({ 'a.txt': fflate.strToU8('A'), 'dir/b.txt': fflate.strToU8('BB') }, { mtime: new Date('2020-01-01T00:00:00Z') });
const un = fflate.unzipSync(zip);
console.log(Object.keys(un), fflate.strFromU8(un['dir/b.txt']));
fflate.gzip(fflate.strToU8('async'), { mtime: 0 }, (err, out) => console.log('async gzip', err, fflate.strFromU8(fflate.gunzipSync(out))));
const c = LZ.compressToBase64('lz-string lz-string lz-string');
console.log(c, LZ.decompressFromBase64(c), LZ.compressToEncodedURIComponent('a b/c?'));
console.log(CRC32.str('hello'), CRC32.buf(Buffer.from('hello')) >>> 0, (CRC32.str('hello') >>> 0).toString(16));
console.log(SparkMD5.hash('hello'), SparkMD5.ArrayBuffer.hash(new Uint8Array([1, 2, 3]).buffer));
