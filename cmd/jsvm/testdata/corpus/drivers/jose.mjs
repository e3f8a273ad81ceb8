// jose: JWS/JWE/JWK over node:crypto KeyObjects
import * as jose from 'jose';
const secret = new TextEncoder().encode('a-string-secret-at-least-256-bits-long');
const jwt = await new jose.SignJWT({ 'urn:example:claim': true }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1700000000).setIssuer('urn:iss').setSubject('s').sign(secret);
console.log('HS256', jwt);
const { payload, protectedHeader } = await jose.jwtVerify(jwt, secret, { issuer: 'urn:iss', currentDate: new Date(1700000100000) });
console.log(payload, protectedHeader);
try { await jose.jwtVerify(jwt, new TextEncoder().encode('x'.repeat(32))); } catch (e) { console.log(e.code, e.name); }
for (const alg of ['RS256', 'ES256', 'ES384', 'EdDSA', 'PS256']) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg);
  const t = await new jose.SignJWT({ a: 1 }).setProtectedHeader({ alg }).sign(privateKey);
  const v = await jose.jwtVerify(t, publicKey);
  const jwk = await jose.exportJWK(publicKey);
  const back = await jose.importJWK(jwk, alg);
  console.log(alg, v.payload.a, jwk.kty, Object.keys(jwk).sort().join(','), (await jose.jwtVerify(t, back)).payload.a);
  const spki = await jose.exportSPKI(publicKey);
  console.log(' spki', spki.split('\n')[0], (await jose.jwtVerify(t, await jose.importSPKI(spki, alg))).payload.a);
}
const key = await jose.generateSecret('A256GCM');
const jwe = await new jose.CompactEncrypt(new TextEncoder().encode('hidden')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);
const { plaintext } = await jose.compactDecrypt(jwe, key);
console.log('JWE dir', new TextDecoder().decode(plaintext), jwe.split('.').length);
console.log('thumbprint', await jose.calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4', y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM' }));
console.log(jose.decodeProtectedHeader(jwt), jose.decodeJwt(jwt).iss);
