// got 11: JSON request against a local server
const got = require('got');
const http = require('http');
const server = http.createServer((req, res) => { res.setHeader('Content-Type', 'application/json'); res.end(JSON.stringify({ u: req.url })); });
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try { const r = await got(`${base}/x`, { responseType: 'json', retry: 0 }); console.log(r.statusCode, r.body); } catch (e) { console.log('err', e.name, e.message); }
  server.close();
});
