// node-fetch v3 (ESM): GET/POST against a local server, headers, JSON, errors
import fetch, { Headers } from 'node-fetch';
import http from 'node:http';
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    if (req.url === '/json') { res.setHeader('Content-Type', 'application/json'); res.end(JSON.stringify({ method: req.method, body, ua: req.headers['x-a'] })); return; }
    if (req.url === '/redirect') { res.writeHead(302, { Location: '/json' }); res.end(); return; }
    res.writeHead(404, { 'X-Why': 'nothing' }); res.end('not here');
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r1 = await fetch(`${base}/json`, { method: 'POST', body: 'payload', headers: new Headers({ 'X-A': 'b' }) });
  console.log(r1.status, r1.ok, r1.headers.get('content-type'), await r1.json());
  const r2 = await fetch(`${base}/nope`);
  console.log(r2.status, r2.statusText, r2.headers.get('x-why'), await r2.text());
  const r3 = await fetch(`${base}/redirect`);
  console.log(r3.status, r3.redirected, r3.url.endsWith('/json'));
  try { await fetch('http://127.0.0.1:1/'); } catch (e) { console.log(e.name, e.code); }
  server.close();
});
