// ky over the global fetch: JSON, hooks, retries, HTTP errors, against a local server
import ky from 'ky';
import http from 'node:http';
let hits = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    if (req.url === '/flaky' && ++hits < 3) { res.statusCode = 503; res.end('busy'); return; }
    if (req.url === '/404') { res.statusCode = 404; res.end('{"error":"nope"}'); return; }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ m: req.method, u: req.url, b: body, h: req.headers['x-hook'] || null, ct: req.headers['content-type'] || null }));
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const api = ky.create({ prefixUrl: base, hooks: { beforeRequest: [(req) => { req.headers.set('x-hook', 'yes'); }] } });
console.log(await api.get('a', { searchParams: { q: 1 } }).json());
console.log(await api.post('p', { json: { n: [1, 2] } }).json());
console.log(await api.get('flaky', { retry: { limit: 3, delay: () => 1 } }).text(), hits);
try { await api.get('404', { retry: 0 }).json(); } catch (e) { console.log(e.name, e.response.status, await e.response.text()); }
server.close(() => console.log('closed'));
