// iconv-lite: legacy encodings to and from Buffers, streams
const iconv = require('iconv-lite');
const s = 'Grüße, Привет, 日本';
for (const enc of ['win1251', 'latin1', 'utf16le', 'shift_jis', 'gbk', 'koi8-r', 'cp866']) {
  const b = iconv.encode(s, enc);
  console.log(enc, b.length, b.toString('hex').slice(0, 24), iconv.decode(b, enc));
}
console.log(iconv.encodingExists('big5'), iconv.encodingExists('nope'));
const dec = iconv.decodeStream('win1251');
let out = '';
dec.on('data', (c) => { out += c; }).on('end', () => console.log('stream', out));
dec.write(Buffer.from([0xcf, 0xf0]));
dec.end(Buffer.from([0xe8, 0xe2, 0xe5, 0xf2]));
