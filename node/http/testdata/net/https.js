// https and tls against a local server. The Go test (and UPDATE_SNAPSHOTS=1
// with node) generates a self-signed certificate for localhost/127.0.0.1
// into $JSVM_TEST_CERTS before running this file.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const https = require('https');
const tls = require('tls');

const dir = process.env.JSVM_TEST_CERTS;
const key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
const otherCert = fs.readFileSync(path.join(dir, 'other.pem'));

const show = (label, e) => console.log(label, e.code, e.message);
const tryIt = (label, f) => {
  try {
    const v = f();
    console.log(label, 'ok', v === undefined ? '' : typeof v);
  } catch (e) {
    console.log(label, e.name, e.code, e instanceof Error);
  }
};

console.log(Object.keys(https));
console.log(https.globalAgent instanceof https.Agent, https.globalAgent instanceof http.Agent);
console.log(https.globalAgent.defaultPort, https.globalAgent.protocol, http.globalAgent.defaultPort);
console.log(new https.Agent({ keepAlive: true, maxSockets: 3 }).maxSockets);
console.log(https.createServer() instanceof tls.Server);
tryIt('bad key type', () => https.createServer({ key: 42, cert }));
tryIt('garbage key', () => https.createServer({ key: 'nope', cert }));
tryIt('https.get http url', () => https.get('http://127.0.0.1/'));
tryIt('http.get https url', () => http.get('https://127.0.0.1/'));
tryIt('bad agent', () => https.get({ host: '127.0.0.1', agent: 5 }));
tryIt('secure context', () => tls.createSecureContext({ key, cert }));
tryIt('secure context bad', () => tls.createSecureContext({ cert: 7 }));
tryIt('secure context version', () => tls.createSecureContext({ minVersion: 'SSLv3' }));
console.log(tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION);
const idCert = { subject: { CN: 'example.com' }, subjectaltname: 'DNS:example.com, DNS:*.example.org, IP Address:10.0.0.1' };
for (const h of ['example.com', 'a.example.org', 'b.a.example.org', 'other.net', '10.0.0.1', '10.0.0.2']) {
  const e = tls.checkServerIdentity(h, idCert);
  console.log('identity', h, e === undefined ? 'ok' : `${e.code} ${e.reason}`);
}

const server = https.createServer({ key, cert }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('X-Encrypted', String(req.socket.encrypted));
    res.end(`${req.method} ${req.url} ${req.headers['x-a'] || '-'} ${body}`);
  });
});

function get(label, options, body) {
  return new Promise((resolve) => {
    const req = https.request(options, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => {
        console.log(label, res.statusCode, res.headers['content-type'], res.headers['x-encrypted'], data);
        resolve();
      });
    });
    req.on('error', (e) => {
      show(label, e);
      resolve();
    });
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = { host: '127.0.0.1', port, path: '/x?y=1' };
  await get('untrusted', base);
  await get('trusted ca', { ...base, ca: cert });
  await get('buffer ca', { ...base, ca: [Buffer.from(cert)] });
  await get('other ca', { ...base, ca: otherCert });
  await get('no check', { ...base, rejectUnauthorized: false, method: 'POST', headers: { 'X-A': 'b' } }, 'payload');
  await get('agent ca', { ...base, agent: new https.Agent({ ca: cert }) });
  await get('localhost', { ...base, host: 'localhost', ca: cert });
  await get('wrong name', { ...base, servername: 'example.com', ca: cert });
  await new Promise((resolve) => {
    https.get(`https://127.0.0.1:${port}/url`, { ca: cert }, (res) => {
      res.resume();
      res.on('end', () => {
        console.log('url form', res.statusCode, res.headers['content-length']);
        resolve();
      });
    });
  });
  const plain = http.createServer((req, res) => res.end('plain'));
  plain.listen(0, '127.0.0.1', () => {
    const req = https.get({ host: '127.0.0.1', port: plain.address().port });
    req.on('error', (e) => {
      console.log('tls to plain', e.code);
      plain.close();
      server.close(() => console.log('closed'));
    });
  });
});
