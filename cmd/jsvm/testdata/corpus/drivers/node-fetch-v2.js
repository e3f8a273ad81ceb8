// node-fetch 2 (CJS, whatwg-url 5 and tr46 over the punycode builtin): POST, gzip, redirects, body stream, against a local server
const fetch = require('node-fetch-v2');
const http = require('http');
const zlib = require('zlib');
const server = http.createServer((req, res) => {
  if (req.url === '/gz') { res.setHeader('Content-Encoding', 'gzip'); res.setHeader('Content-Type', 'text/plain'); res.end(zlib.gzipSync('compressed body')); return; }
  if (req.url === '/redir') { res.writeHead(301, { Location: '/json' }); res.end(); return; }
  let b = ''; req.on('data', (c) => b += c); req.on('end', () => { res.setHeader('Content-Type', 'application/json'); res.end(JSON.stringify({ m: req.method, b })); });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r = await fetch(`${base}/json`, { method: 'POST', body: 'hi' });
  console.log(r.status, r.ok, await r.json());
  const g = await fetch(`${base}/gz`);
  console.log(g.headers.get('content-encoding'), await g.text());
  const rd = await fetch(`${base}/redir`);
  console.log(rd.status, rd.redirected, rd.url.endsWith('/json'));
  const s = await fetch(`${base}/json`);
  const chunks = []; s.body.on('data', (c) => chunks.push(c)); s.body.on('end', () => { console.log('stream', Buffer.concat(chunks).toString()); server.close(); });
});
