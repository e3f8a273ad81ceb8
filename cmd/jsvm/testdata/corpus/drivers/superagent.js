// superagent: fluent HTTP client against a local server
const request = require('superagent');
const http = require('http');
const server = http.createServer((req, res) => {
  let b = '';
  req.on('data', (c) => { b += c; });
  req.on('end', () => {
    if (req.url.startsWith('/err')) { res.writeHead(500); res.end('bad'); return; }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ m: req.method, u: req.url, b, h: req.headers['x-h'] }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r = await request.get(`${base}/a`).query({ q: 1 }).set('X-H', 'v');
  console.log(r.status, r.body, r.type);
  const p = await request.post(`${base}/b`).send({ k: [1] });
  console.log(p.body);
  try { await request.get(`${base}/err`); } catch (e) { console.log(e.status, e.message, e.response.text); }
  server.close();
});
