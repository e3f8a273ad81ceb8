// undici (npm): request/fetch/Pool against a local server
const http = require('http');
const { request, fetch, Pool, Agent, setGlobalDispatcher, errors } = require('undici');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/slow') return;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body, h: req.headers['x-t'] || null }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const r = await request(base + '/a?x=1', { method: 'POST', body: 'hello', headers: { 'x-t': 'v' } });
    console.log(r.statusCode, r.headers['content-type'], await r.body.json());
    const f = await fetch(base + '/f');
    console.log(f.status, await f.json());
    const pool = new Pool(base, { connections: 2 });
    const rs = await Promise.all([1, 2, 3].map((i) => pool.request({ path: '/p' + i, method: 'GET' }).then((x) => x.body.json())));
    console.log(rs.map((x) => x.url).join());
    await pool.close();
    try { await request(base + '/slow', { headersTimeout: 200, bodyTimeout: 200 }); } catch (e) { console.log(e.name, e.code); }
    try { await request('http://127.0.0.1:1/'); } catch (e) { console.log(e.code || e.name); }
    console.log(typeof errors.UndiciError, typeof Agent, typeof setGlobalDispatcher);
  } catch (e) {
    console.log('error', e);
  }
  server.close();
  server.closeAllConnections && server.closeAllConnections();
  process.exit(0);
});
