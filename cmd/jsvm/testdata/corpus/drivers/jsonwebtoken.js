// jsonwebtoken: HS256/RS256/ES256/PS256/EdDSA-free tokens signed and verified with node:crypto
const jwt = require('jsonwebtoken');
const crypto = require('crypto');
const payload = { sub: 'user-1', admin: true, iat: 1700000000 };
const hs = jwt.sign(payload, 'secret', { algorithm: 'HS256', noTimestamp: false });
console.log('HS256', hs);
console.log('verify', jwt.verify(hs, 'secret'));
try { jwt.verify(hs, 'wrong'); } catch (e) { console.log(e.name, e.message); }
try { jwt.verify(hs + 'x', 'secret'); } catch (e) { console.log(e.name, e.message); }
const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
for (const alg of ['RS256', 'RS384', 'RS512', 'PS256']) {
  const t = jwt.sign(payload, privateKey, { algorithm: alg });
  console.log(alg, t.split('.')[0], jwt.verify(t, publicKey, { algorithms: [alg] }).sub);
  try { jwt.verify(t, 'secret'); } catch (e) { console.log(' hs key', e.name, e.message); }
}
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const es = jwt.sign(payload, ec.privateKey.export({ type: 'pkcs8', format: 'pem' }), { algorithm: 'ES256', expiresIn: '1h', keyid: 'k1' });
const dec = jwt.decode(es, { complete: true });
console.log('ES256', dec.header, dec.payload.exp - dec.payload.iat, jwt.verify(es, ec.publicKey.export({ type: 'spki', format: 'pem' }), { clockTimestamp: 1700000100 }).admin);
try { jwt.sign(payload, ec.privateKey, { algorithm: 'RS256' }); } catch (e) { console.log('mismatch', e.message); }
const expired = jwt.sign({ sub: 'x', exp: 1 }, 'secret');
try { jwt.verify(expired, 'secret'); } catch (e) { console.log(e.name, e.message, e.expiredAt.toISOString()); }
console.log('decode only', jwt.decode(hs));
