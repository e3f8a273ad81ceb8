const { StringDecoder } = require('string_decoder');
const euro = Buffer.from('€😀aé', 'utf8');
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1', 'ascii', 'base64url']) {
  const src = enc === 'utf16le' ? Buffer.from('€😀aé', 'utf16le') : euro;
  for (let split = 0; split <= src.length; split++) {
    const d = new StringDecoder(enc);
    const out = [d.write(src.subarray(0, split)), d.write(src.subarray(split)), d.end()];
    console.log(enc, split, JSON.stringify(out));
  }
}
const d = new StringDecoder('utf8');
console.log(JSON.stringify([d.write(Buffer.from([0xe2])), d.end(), d.write(Buffer.from([0xff, 0x41])), d.write(Buffer.from([0xf0, 0x9f])), d.end(Buffer.from([0x98]))]));
console.log(JSON.stringify([new StringDecoder().encoding, new StringDecoder('UTF-8').encoding, new StringDecoder('ucs2').encoding, new StringDecoder('binary').encoding]));
try { new StringDecoder('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new StringDecoder().write(42); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new StringDecoder().write('str'));
