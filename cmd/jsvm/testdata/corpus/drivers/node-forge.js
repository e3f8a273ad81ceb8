// node-forge: pure-JS crypto (md/hmac/aes/rsa with a seeded PRNG, ASN.1, base64)
const forge = require('node-forge');
const md = forge.md.sha256.create(); md.update('abc');
console.log(md.digest().toHex(), forge.md.md5.create().update('x').digest().toHex());
const hmac = forge.hmac.create(); hmac.start('sha1', 'key'); hmac.update('data');
console.log(hmac.digest().toHex(), forge.util.encode64('hello'), forge.util.decode64('aGVsbG8='));
const key = forge.util.hexToBytes('00112233445566778899aabbccddeeff');
const iv = forge.util.hexToBytes('0f0e0d0c0b0a09080706050403020100');
const c = forge.cipher.createCipher('AES-CBC', key); c.start({ iv }); c.update(forge.util.createBuffer('secret message')); c.finish();
const d = forge.cipher.createDecipher('AES-CBC', key); d.start({ iv }); d.update(c.output); d.finish();
console.log(c.output.toHex(), d.output.toString());
const prng = forge.random.createInstance(); prng.seedFileSync = () => 'seed'.repeat(8);
const kp = forge.pki.rsa.generateKeyPair({ bits: 512, e: 0x10001, prng });
const sig = kp.privateKey.sign(forge.md.sha256.create().update('msg'));
console.log(forge.util.bytesToHex(sig).length, kp.publicKey.verify(forge.md.sha256.create().update('msg').digest().bytes(), sig));
const asn = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, forge.asn1.integerToDer(5).getBytes())]);
console.log(forge.util.bytesToHex(forge.asn1.toDer(asn).getBytes()), forge.pki.publicKeyToPem(kp.publicKey).split('\n')[0]);
