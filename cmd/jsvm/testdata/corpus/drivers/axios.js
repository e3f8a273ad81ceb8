// axios (node http adapter): requests against a local server, interceptors, errors
const axios = require('axios');
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    if (req.url.startsWith('/fail')) { res.writeHead(422, { 'Content-Type': 'application/json' }); res.end('{"err":"bad"}'); return; }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body, ct: req.headers['content-type'], x: req.headers['x-token'] }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const api = axios.create({ baseURL: `http://127.0.0.1:${server.address().port}`, headers: { 'X-Token': 't1' } });
  api.interceptors.request.use((c) => { c.params = { ...c.params, added: 1 }; return c; });
  const r = await api.get('/a', { params: { q: 'x y' } });
  console.log(r.status, r.data, r.headers['content-type']);
  const p = await api.post('/b', { n: [1, 2] });
  console.log(p.data);
  try { await api.get('/fail'); } catch (e) { console.log(e.name, e.message, e.response.status, e.response.data, axios.isAxiosError(e)); }
  try { await axios.get('http://127.0.0.1:1/'); } catch (e) { console.log(e.code); }
  server.close();
});
