// util.promisify of callback APIs with several results, util.types.isKeyObject,
// and a public EC key's JWK (no "d" member).
const crypto = require('crypto');
const util = require('util');
const { types } = util;
(async () => {
  const ec = await util.promisify(crypto.generateKeyPair)('ec', { namedCurve: 'P-256' });
  console.log(Object.keys(ec), ec.publicKey.type, ec.privateKey.type);
  console.log(Object.keys(ec.publicKey.export({ format: 'jwk' })));
  console.log(Object.keys(ec.privateKey.export({ format: 'jwk' })));
  const ed = await util.promisify(crypto.generateKeyPair)('ed25519');
  console.log(Object.keys(ed.publicKey.export({ format: 'jwk' })));
  const secret = crypto.createSecretKey(Buffer.from('abc'));
  console.log(types.isKeyObject(secret), types.isKeyObject(ec.publicKey), types.isKeyObject(ed.privateKey));
  console.log(types.isKeyObject(Object.create(secret)), types.isKeyObject(Object.create(crypto.KeyObject.prototype)));
  console.log(types.isKeyObject({}), types.isKeyObject(null), types.isKeyObject(1), types.isKeyObject(Buffer.from('x')));
  console.log(types.isCryptoKey({}), types.isCryptoKey(secret));
  try {
    await util.promisify(crypto.generateKeyPair)('nope', {});
  } catch (e) {
    console.log(e.name, e.code);
  }
  const fs = require('fs');
  const fd = fs.openSync(__filename, 'r');
  const r = await util.promisify(fs.read)(fd, Buffer.alloc(2), 0, 2, 0);
  console.log(Object.keys(r), r.bytesRead, r.buffer.toString());
  fs.closeSync(fd);
})();
