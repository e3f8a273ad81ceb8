// crypto-js (pure JS) agrees with node:crypto
const CryptoJS = require('crypto-js');
const crypto = require('crypto');
console.log(CryptoJS.SHA256('abc').toString() === crypto.createHash('sha256').update('abc').digest('hex'));
console.log(CryptoJS.HmacSHA512('msg', 'key').toString() === crypto.createHmac('sha512', 'key').update('msg').digest('hex'));
const key = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), iv = CryptoJS.enc.Hex.parse('0f0e0d0c0b0a09080706050403020100');
const ct = CryptoJS.AES.encrypt('secret message', key, { iv }).ciphertext.toString(CryptoJS.enc.Base64);
const d = crypto.createDecipheriv('aes-128-cbc', Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'), Buffer.from('0f0e0d0c0b0a09080706050403020100', 'hex'));
console.log(ct, d.update(ct, 'base64', 'utf8') + d.final('utf8'));
const c = crypto.createCipheriv('aes-128-ctr', Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'), Buffer.from('0f0e0d0c0b0a09080706050403020100', 'hex'));
const nodeCt = Buffer.concat([c.update('counter mode'), c.final()]).toString('hex');
const back = CryptoJS.AES.decrypt({ ciphertext: CryptoJS.enc.Hex.parse(nodeCt) }, key, { iv, mode: CryptoJS.mode.CTR, padding: CryptoJS.pad.NoPadding });
console.log(nodeCt, back.toString(CryptoJS.enc.Utf8));
console.log(CryptoJS.PBKDF2('pw', 'salt', { keySize: 8, iterations: 10, hasher: CryptoJS.algo.SHA256 }).toString() === crypto.pbkdf2Sync('pw', 'salt', 10, 32, 'sha256').toString('hex'));
