const crypto = require('crypto');
const algs = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256', 'sha3-256', 'RSA-SHA256', 'SHA256'];
for (const a of algs) {
  console.log(a, crypto.createHash(a).update('hello ').update(Buffer.from('world')).digest('hex'),
    crypto.createHmac(a, 'key').update('data').digest('base64'));
}
console.log(crypto.createHash('sha1').update('aGk=', 'base64').digest('base64url'), crypto.createHash('md5').update('é', 'latin1').digest().length);
const h = crypto.createHash('sha256').update('a');
const c = h.copy();
console.log(h.digest('hex') === c.update('').digest('hex'));
try { h.digest(); } catch (e) { console.log(e.code, e.message); }
try { h.update('x'); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHash('nope'); } catch (e) { console.log(e.name, e.message); }
try { crypto.createHash(1); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHash('md5').update(1); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHmac('sha1'); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHmac('nope', 'k'); } catch (e) { console.log(e.code, e.message); }
const hm = crypto.createHmac('sha256', 'k'); hm.digest(); console.log(JSON.stringify(hm.digest('hex')));
console.log(crypto.createHmac('sha256', Buffer.alloc(200, 1)).update('x').digest('hex'));
console.log(crypto.randomBytes(16).length, Buffer.isBuffer(crypto.randomBytes(0)));
try { crypto.randomBytes(-1); } catch (e) { console.log(e.code, e.message); }
try { crypto.randomBytes('1'); } catch (e) { console.log(e.code, e.message); }
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
const ri = crypto.randomInt(10); console.log(ri >= 0 && ri < 10, crypto.randomInt(5, 6));
try { crypto.randomInt(5, 5); } catch (e) { console.log(e.code, e.message); }
console.log(crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
try { crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(crypto.pbkdf2Sync('pw', 'salt', 1000, 16, 'sha256').toString('hex'));
const u8 = new Uint8Array(8); console.log(crypto.getRandomValues(u8) === u8, crypto.webcrypto.getRandomValues(new Uint32Array(2)).length);
try { crypto.getRandomValues(new Float32Array(2)); } catch (e) { console.log(e.name, e.message); }
try { crypto.getRandomValues(new Uint8Array(70000)); } catch (e) { console.log(e.name, e.message); }
console.log(globalThis.crypto === crypto.webcrypto, typeof globalThis.crypto.subtle.digest, Object.prototype.toString.call(globalThis.crypto));
crypto.webcrypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then((d) => {
  console.log('subtle', d instanceof ArrayBuffer, Buffer.from(d).toString('hex'));
  return crypto.subtle.digest({ name: 'SHA-1' }, Buffer.from('abc'));
}).then((d) => console.log('subtle sha1', Buffer.from(d).toString('hex')))
  .then(() => crypto.subtle.digest('MD5', Buffer.from('x'))).catch((e) => console.log('subtle err', e.name, e.message));
crypto.randomBytes(4, (err, b) => console.log('async randomBytes', err, b.length));
crypto.pbkdf2('a', 'b', 1, 8, 'sha1', (err, k) => console.log('pbkdf2 cb', err, k.toString('hex')));
const hs = crypto.createHash('sha256');
hs.on('readable', () => { const d = hs.read(); if (d) console.log('hash stream', d.toString('hex')); });
hs.write('ab'); hs.end('c');
