// wrong types, throwing getters and callbacks, huge and tiny sizes; recorded with node
const crypto = require('crypto');
const show = (l, f) => { try { const r = f(); console.log(l, 'ok', r instanceof Buffer ? r.toString('hex') : r); } catch (e) { console.log(l, e.name, e.code, e.message); } };
show('str key', () => { const c = crypto.createCipheriv('aes-128-cbc', 'a'.repeat(16), 'b'.repeat(16)); return Buffer.concat([c.update(new DataView(new ArrayBuffer(3))), c.final()]); });
show('rsa 512', () => crypto.generateKeyPairSync('rsa', { modulusLength: 512 }).privateKey.asymmetricKeyDetails.modulusLength);
show('rsa 0', () => crypto.generateKeyPairSync('rsa', { modulusLength: 0 }));
show('ecdsa bad sig', () => crypto.verify('sha256', Buffer.from('x'), crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, Buffer.from('garbage')));
show('hmac alg throws toString', () => crypto.createHmac({ toString() { throw new Error('ts'); } }, 'k'));
show('cipher name getter', () => crypto.createCipheriv(new String('aes-128-cbc'), Buffer.alloc(16), Buffer.alloc(16)));
show('options throwing getter', () => crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12), { get authTagLength() { throw new Error('getter!'); } }));
show('scrypt maxmem', () => crypto.scryptSync('p', 's', 8, { N: 1024, maxmem: 1 }));
show('hkdf info 1025', () => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 8));
show('sign cb throws', () => crypto.sign(null, Buffer.from('x'), crypto.generateKeyPairSync('ed25519').privateKey, () => { throw new Error('cb'); }));
show('pbkdf2 float iter', () => crypto.pbkdf2Sync('p', 's', 1.5, 8, 'sha1'));
show('randomBytes huge', () => crypto.randomBytes(2 ** 31));
show('key export der', () => crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).length);
show('createPublicKey der no type', () => crypto.createPublicKey({ key: Buffer.alloc(3), format: 'der' }));
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
