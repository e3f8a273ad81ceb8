const keys = {
  "rsaPriv": "-----BEGIN RSA PRIVATE KEY-----\nMIICXQIBAAKBgQCjG5Z8JjPcgP0cq/+SRnyA1ylD/4gRJHem63cVsfSrbvbwlP7W\nvXYFJ+p9t5IxW0GIoK2iR2Jie2bjJaYBD58KfpPdMogC/XalI5LPbGM7C6Ml3DHm\nu4gNgliAVUIgQPgDwMCxI0GvWcM3ejhmTtow673iN78hwMKdGTeETgNvVQIDAQAB\nAoGBAItqv1xrAxVNpAxn8FJFsZInV3xp5RJSC3w/9FA1Bh+q/6RwlstSspiBn+vJ\nh0ps6D0yqnf1cGEhfbZWrehmQ9fE54EJ/w68tgbZhgNOCZToFnufxO982ck5/54E\nFTCcHKZaohAgplRdUfREJ60fZ9RQcQB0lCTd9bhCGW0Zg5bBAkEA1UrLcc5f5dNz\n6n8t8Y+DmrVXpxkOd0sAcoeAilNVQUoSfNq8HhL4HLvUe7oa0B4aAsjcX4vkE9JO\nm//ItOo5rQJBAMPEYFJlkJNvJs41dC6fmwbRN5brRsvshNK4qNY+FB8NEY9RqI/C\nhZw4O3j8nvu4AVaqrLRu05s2tdzJQMyGkUkCQDP2OsYI/vfgoda5ERpOWkNwdmAx\nDIMndH5yYHBSiOyU/RgJudahzGxDnipeVnXpP3D6OiXU0MW7cIc0s1LP1SkCQQC2\ntdtoS56J292N69nJgfEAhdeqJWBoBxFYUjxR6JKDAIF5D6+QrO5ihSEMpEoFiRDG\nwHh71kvsuz01GSg/OwDxAkBrEyPgQOus5Ag2vhsvynIMRojw1GYN+AXVyMY51ey8\naN2YFgKkMmZy9E1EouKGchkAYLo63F+fCyqDXw47I7k/\n-----END RSA PRIVATE KEY-----\n",
  "rsaPub": "-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCjG5Z8JjPcgP0cq/+SRnyA1ylD\n/4gRJHem63cVsfSrbvbwlP7WvXYFJ+p9t5IxW0GIoK2iR2Jie2bjJaYBD58KfpPd\nMogC/XalI5LPbGM7C6Ml3DHmu4gNgliAVUIgQPgDwMCxI0GvWcM3ejhmTtow673i\nN78hwMKdGTeETgNvVQIDAQAB\n-----END PUBLIC KEY-----\n",
  "ecPriv": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIM7qu+cg44Y/5IDGuOdKX+8YXHBXiA9gE6mOh7i4GJqXoAoGCCqGSM49\nAwEHoUQDQgAEyOAmyAk2Ciu9APUl5H2ZT8w21zF+tHvRJT+DzFF6PtCcZklrV1xq\n/8aUvm27VbrJvuaePaoye7sWVA7sLQ3poA==\n-----END EC PRIVATE KEY-----\n",
  "ecPub": "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEyOAmyAk2Ciu9APUl5H2ZT8w21zF+\ntHvRJT+DzFF6PtCcZklrV1xq/8aUvm27VbrJvuaePaoye7sWVA7sLQ3poA==\n-----END PUBLIC KEY-----\n",
  "edPriv": "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDr0AuHLGRw+sCXwsugVdYa69nFdYXLEubMDxYap/fn/\n-----END PRIVATE KEY-----\n",
  "edPub": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEArZtwXlC1DTxoSnq5risFtvTKws5kYkS8DK8FbzMTaxo=\n-----END PUBLIC KEY-----\n"
};
// ciphers, keys, signatures and KDFs, recorded with node
const crypto = require('crypto');
const later = [];
process.on('exit', () => console.log(later.sort().join('\n')));
const show = (label, f) => {
  try { const r = f(); console.log(label, r instanceof Buffer ? r.toString('hex') : r); }
  catch (e) { console.log(label, 'throws', e.name, e.code, e.message); }
};
const key = (n) => Buffer.from(Array.from({ length: n }, (_, i) => i * 7 + 1));
const iv16 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const text = 'The quick brown fox jumps over the lazy dog, twice: ' + 'é€😀'.repeat(3);
for (const bits of [128, 192, 256]) {
  for (const mode of ['cbc', 'ctr', 'ecb', 'gcm']) {
    const name = `aes-${bits}-${mode}`;
    const iv = mode === 'ecb' ? null : mode === 'gcm' ? iv16.subarray(0, 12) : iv16;
    const c = crypto.createCipheriv(name, key(bits / 8), iv);
    if (mode === 'gcm') c.setAAD(Buffer.from('header'));
    // split updates across block boundaries
    const ct = Buffer.concat([c.update(text.slice(0, 5)), c.update(text.slice(5, 40), 'utf8'), c.update(Buffer.from(text.slice(40))), c.final()]);
    const tag = mode === 'gcm' ? c.getAuthTag() : null;
    console.log(name, ct.toString('hex'), tag && tag.toString('hex'));
    const d = crypto.createDecipheriv(name, key(bits / 8), iv);
    if (mode === 'gcm') { d.setAAD(Buffer.from('header')); d.setAuthTag(tag); }
    let pt = '';
    for (let i = 0; i < ct.length; i += 7) pt += d.update(ct.subarray(i, i + 7), undefined, 'utf8');
    pt += d.final('utf8');
    console.log(' back', pt === text);
  }
}
show('hex out', () => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16); return c.update('abc', 'utf8', 'hex') + c.final('hex'); });
show('base64 out', () => { const c = crypto.createCipheriv('aes-128-ctr', key(16), iv16); return c.update('abcdefgh', 'utf8', 'base64') + c.final('base64'); });
show('no padding exact', () => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16); c.setAutoPadding(false); return Buffer.concat([c.update(Buffer.alloc(32, 1)), c.final()]); });
show('gcm iv 7', () => { const c = crypto.createCipheriv('aes-256-gcm', key(32), Buffer.alloc(7, 3)); const ct = Buffer.concat([c.update('seven'), c.final()]); return ct.toString('hex') + ' ' + c.getAuthTag().toString('hex'); });
show('gcm iv 7 back', () => {
  const c = crypto.createCipheriv('aes-256-gcm', key(32), Buffer.alloc(7, 3)); const ct = Buffer.concat([c.update('seven'), c.final()]);
  const d = crypto.createDecipheriv('aes-256-gcm', key(32), Buffer.alloc(7, 3)); d.setAuthTag(c.getAuthTag());
  return Buffer.concat([d.update(ct), d.final()]).toString();
});
show('gcm short tag', () => { const c = crypto.createCipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12), { authTagLength: 8 }); c.update('x'); c.final(); return c.getAuthTag(); });
show('gcm short tag decrypt', () => {
  const c = crypto.createCipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12), { authTagLength: 8 }); const ct = Buffer.concat([c.update('xyz'), c.final()]);
  const d = crypto.createDecipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12), { authTagLength: 8 }); d.setAuthTag(c.getAuthTag());
  return Buffer.concat([d.update(ct), d.final()]).toString();
});
show('gcm tampered', () => {
  const c = crypto.createCipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12)); const ct = Buffer.concat([c.update('secret'), c.final()]); ct[0] ^= 1;
  const d = crypto.createDecipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12)); d.setAuthTag(c.getAuthTag()); d.update(ct); return d.final();
});
show('chacha20-poly1305', () => {
  const c = crypto.createCipheriv('chacha20-poly1305', key(32), iv16.subarray(0, 12), { authTagLength: 16 }); c.setAAD(Buffer.from('aad'));
  const ct = Buffer.concat([c.update(text), c.final()]); const tag = c.getAuthTag();
  const d = crypto.createDecipheriv('chacha20-poly1305', key(32), iv16.subarray(0, 12), { authTagLength: 16 }); d.setAAD(Buffer.from('aad')); d.setAuthTag(tag);
  return ct.toString('hex') + ' ' + tag.toString('hex') + ' ' + (Buffer.concat([d.update(ct), d.final()]).toString() === text);
});
show('chacha20', () => { const c = crypto.createCipheriv('chacha20', key(32), iv16); return Buffer.concat([c.update('hello chacha'), c.final()]); });
show('bad decrypt', () => { const d = crypto.createDecipheriv('aes-128-cbc', key(16), iv16); d.update(Buffer.alloc(16)); return d.final(); });
show('wrong final', () => { const d = crypto.createDecipheriv('aes-128-cbc', key(16), iv16); d.update(Buffer.alloc(5)); return d.final(); });
show('empty decrypt', () => { const d = crypto.createDecipheriv('aes-128-cbc', key(16), iv16); return d.final(); });
show('update after final', () => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16); c.final(); return c.update('x'); });
show('final twice', () => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16); c.final(); return c.final(); });
show('getAuthTag early', () => crypto.createCipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12)).getAuthTag());
show('setAuthTag on cipher', () => typeof crypto.createCipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12)).setAuthTag + typeof crypto.createDecipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12)).getAuthTag);
show('setAuthTag len 3', () => crypto.createDecipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12)).setAuthTag(Buffer.alloc(3)));
show('setAAD cbc', () => crypto.createCipheriv('aes-128-cbc', key(16), iv16).setAAD(Buffer.alloc(1)));
show('keylen', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(5), iv16));
show('iv', () => crypto.createCipheriv('aes-128-cbc', key(16), Buffer.alloc(3)));
show('ecb iv', () => crypto.createCipheriv('aes-128-ecb', key(16), iv16));
show('unknown', () => crypto.createCipheriv('aes-128-xyz', key(16), iv16));
show('cipher type', () => crypto.createCipheriv(5, key(16), iv16));
show('key type', () => crypto.createCipheriv('aes-128-cbc', 5, iv16));
show('key getter', () => crypto.createCipheriv('aes-128-cbc', { get length() { throw new Error('getter'); } }, iv16));
show('iv type', () => crypto.createCipheriv('aes-128-cbc', key(16), {}));
show('update type', () => crypto.createCipheriv('aes-128-cbc', key(16), iv16).update(5));
show('tag length option', () => crypto.createCipheriv('aes-128-gcm', key(16), iv16.subarray(0, 12), { authTagLength: 5 }));
show('secret key cipher', () => { const c = crypto.createCipheriv('aes-128-cbc', crypto.createSecretKey(key(16)), iv16); return Buffer.concat([c.update('k'), c.final()]); });
show('getCiphers', () => ['aes-128-cbc', 'aes-256-gcm', 'chacha20-poly1305', 'aes-192-ctr', 'aes-256-ecb'].every((c) => crypto.getCiphers().includes(c)));
show('getCipherInfo', () => ['keyLength', 'ivLength', 'mode'].map((k) => crypto.getCipherInfo('aes-128-cbc')[k]).join());
// stream form
{
  const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16);
  const parts = [];
  c.on('data', (d) => parts.push(d));
  c.on('end', () => console.log('stream', Buffer.concat(parts).toString('hex')));
  c.write('streamed ');
  c.end('text');
}
// KDFs
show('pbkdf2', () => crypto.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256'));
show('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('pw', 'salt', 0, 32, 'sha256'));
show('pbkdf2 iterations type', () => crypto.pbkdf2Sync('pw', 'salt', 'x', 32, 'sha256'));
show('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('pw', 'salt', 1, -1, 'sha256'));
show('pbkdf2 digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 8, 'nope'));
show('scrypt', () => crypto.scryptSync('pw', 'salt', 32));
show('scrypt opts', () => crypto.scryptSync(Buffer.from('pw'), 'salt', 16, { N: 1024, r: 4, p: 2 }));
show('scrypt cost alias', () => crypto.scryptSync('pw', 'salt', 16, { cost: 256, blockSize: 8, parallelization: 1 }));
show('scrypt N 3', () => crypto.scryptSync('p', 's', 16, { N: 3 }));
show('scrypt N huge', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }));
show('scrypt N and cost', () => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }));
show('scrypt keylen', () => crypto.scryptSync('p', 's', -1));
show('scrypt password', () => crypto.scryptSync(5, 's', 16));
show('hkdf', () => Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 42)));
show('hkdf sha512 empty salt', () => Buffer.from(crypto.hkdfSync('sha512', Buffer.from('k'), '', '', 10)));
show('hkdf returns', () => Object.prototype.toString.call(crypto.hkdfSync('sha256', 'k', 's', 'i', 4)));
show('hkdf too long', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
show('hkdf digest', () => crypto.hkdfSync('nope', 'k', 's', 'i', 4));
show('hkdf length', () => crypto.hkdfSync('sha256', 'k', 's', 'i', -1));
crypto.scrypt('pw', 'salt', 8, (err, k) => later.push(['scrypt cb', err, k.toString('hex')].join(' ')));
crypto.hkdf('sha256', 'k', 's', 'i', 8, (err, k) => later.push(['hkdf cb', err, Buffer.from(k).toString('hex')].join(' ')));
crypto.pbkdf2('pw', 'salt', 1, 8, 'sha1', (err, k) => later.push(['pbkdf2 cb', err, k.toString('hex')].join(' ')));
// keys
const rsaPriv = crypto.createPrivateKey(keys.rsaPriv);
const rsaPub = crypto.createPublicKey(keys.rsaPub);
const ecPriv = crypto.createPrivateKey(keys.ecPriv);
const edPriv = crypto.createPrivateKey(keys.edPriv);
for (const [n, k] of [['rsa', rsaPriv], ['rsa pub', rsaPub], ['ec', ecPriv], ['ed', edPriv]]) {
  console.log(n, k.type, k.asymmetricKeyType, k.asymmetricKeyDetails, k instanceof crypto.KeyObject, Object.prototype.toString.call(k));
}
console.log('pub from priv', crypto.createPublicKey(keys.rsaPriv).export({ type: 'spki', format: 'pem' }) === keys.rsaPub);
console.log('pub from ec priv', crypto.createPublicKey(keys.ecPriv).export({ type: 'spki', format: 'pem' }) === keys.ecPub);
console.log('ed pub', crypto.createPublicKey(edPriv).export({ type: 'spki', format: 'pem' }) === keys.edPub);
console.log('rsa pkcs1 round trip', rsaPriv.export({ type: 'pkcs1', format: 'pem' }) === keys.rsaPriv);
console.log('pkcs8 der', crypto.createPrivateKey({ key: rsaPriv.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' }).equals(rsaPriv));
console.log('jwk rsa', JSON.stringify(rsaPub.export({ format: 'jwk' })));
console.log('jwk ec keys', Object.keys(ecPriv.export({ format: 'jwk' })).join(','));
console.log('jwk ed', JSON.stringify(crypto.createPublicKey(edPriv).export({ format: 'jwk' })));
console.log('jwk import', crypto.createPrivateKey({ key: ecPriv.export({ format: 'jwk' }), format: 'jwk' }).equals(ecPriv),
  crypto.createPublicKey({ key: rsaPub.export({ format: 'jwk' }), format: 'jwk' }).equals(rsaPub),
  crypto.createPrivateKey({ key: rsaPriv.export({ format: 'jwk' }), format: 'jwk' }).equals(rsaPriv));
console.log('equals', rsaPub.equals(crypto.createPublicKey(rsaPriv)), rsaPub.equals(crypto.createPublicKey(keys.ecPub)));
const sk = crypto.createSecretKey(Buffer.from('shhh'));
console.log('secret', sk.type, sk.symmetricKeySize, sk.export().toString(), JSON.stringify(sk.export({ format: 'jwk' })));
show('hmac with KeyObject', () => crypto.createHmac('sha256', sk).update('x').digest('hex'));
// signatures: RSA PKCS#1 v1.5 and Ed25519 are deterministic
const data = Buffer.from('sign me');
show('rsa sign', () => crypto.createSign('SHA256').update('sign ').update('me').sign(rsaPriv, 'base64'));
show('rsa sign oneshot', () => crypto.sign('sha256', data, rsaPriv).toString('base64'));
show('rsa verify', () => crypto.createVerify('RSA-SHA256').update(data).verify(keys.rsaPub, crypto.sign('sha256', data, rsaPriv)));
show('rsa verify wrong', () => crypto.verify('sha256', Buffer.from('other'), rsaPub, crypto.sign('sha256', data, rsaPriv)));
show('rsa pss', () => {
  const sig = crypto.sign('sha256', data, { key: rsaPriv, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return crypto.verify('sha256', data, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig) + ' ' + sig.length;
});
show('ed25519 sign', () => crypto.sign(null, data, edPriv).toString('hex'));
show('ed25519 verify', () => crypto.verify(null, data, keys.edPub, crypto.sign(null, data, keys.edPriv)));
show('ecdsa der', () => crypto.verify('sha256', data, keys.ecPub, crypto.createSign('sha256').update(data).sign(ecPriv)));
show('ecdsa p1363', () => { const s = crypto.sign('sha384', data, { key: ecPriv, dsaEncoding: 'ieee-p1363' }); return s.length + ' ' + crypto.verify('sha384', data, { key: keys.ecPub, dsaEncoding: 'ieee-p1363' }, s); });
show('sign with secret', () => crypto.sign('sha256', data, sk));
show('sign with public', () => crypto.sign('sha256', data, rsaPub));
show('sign bad pem', () => crypto.createSign('SHA256').update('x').sign('bad'));
show('sign no key', () => crypto.createSign('SHA256').update('x').sign());
show('createSign digest', () => crypto.createSign('nope'));
show('sign data type', () => crypto.sign('sha256', 'str', rsaPriv));
show('verify sig type', () => crypto.verify('sha256', data, rsaPub, 5));
show('createPrivateKey junk', () => crypto.createPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'));
show('createPublicKey number', () => crypto.createPublicKey(5));
show('createPrivateKey from public', () => crypto.createPrivateKey(keys.rsaPub));
show('export no type', () => rsaPub.export({ format: 'pem' }));
show('export bad type', () => rsaPub.export({ type: 'pkcs8', format: 'pem' }));
show('oaep round trip', () => crypto.privateDecrypt(rsaPriv, crypto.publicEncrypt(rsaPub, Buffer.from('oaep'))).toString());
show('pkcs1 round trip', () => crypto.privateDecrypt({ key: keys.rsaPriv, padding: crypto.constants.RSA_PKCS1_PADDING }, crypto.publicEncrypt({ key: keys.rsaPub, padding: 1 }, Buffer.from('v15'))).toString());
show('oaep sha256', () => crypto.privateDecrypt({ key: rsaPriv, oaepHash: 'sha256' }, crypto.publicEncrypt({ key: rsaPub, oaepHash: 'sha256' }, Buffer.from('h'))).toString());
// generation
for (const [t, o] of [['rsa', { modulusLength: 1024 }], ['ec', { namedCurve: 'P-384' }], ['ed25519', undefined]]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(t, o);
  const sig = crypto.sign(t === 'ed25519' ? null : 'sha256', data, privateKey);
  console.log('generated', t, publicKey.type, privateKey.type, privateKey.asymmetricKeyType, JSON.stringify(privateKey.asymmetricKeyDetails, (k, v) => typeof v === 'bigint' ? String(v) : v), crypto.verify(t === 'ed25519' ? null : 'sha256', data, publicKey, sig));
}
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  console.log('encoded', publicKey.split('\n')[0], privateKey.split('\n')[0]);
}
show('gen modulusLength', () => crypto.generateKeyPairSync('rsa', { modulusLength: 'x' }));
show('gen type', () => crypto.generateKeyPairSync('nope', {}));
show('gen type number', () => crypto.generateKeyPairSync(5, {}));
show('gen curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }));
show('gen no curve', () => crypto.generateKeyPairSync('ec', {}));
crypto.generateKeyPair('ed25519', (err, pub, priv) => later.push(['generateKeyPair cb', err, pub.type, priv.type].join(' ')));
