// http.request input forms: a legacy url.parse() object is options (its
// method and headers count), a WHATWG URL is a URL (options merged over it).
'use strict';
const http = require('http');
const url = require('url');
const server = http.createServer((req, res) => {
  res.end(`${req.method} ${req.url} ${req.headers['x-a'] || '-'}`);
});
const get = (input, options) => new Promise((resolve) => {
  const cb = (res) => {
    let d = '';
    res.on('data', (c) => { d += c; });
    res.on('end', () => resolve(d));
  };
  const req = options ? http.request(input, options, cb) : http.request(input, cb);
  req.end();
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(await get(Object.assign(url.parse(`${base}/legacy?q=1`), { method: 'PUT', headers: { 'X-A': 'l' } })));
  console.log(await get(new URL(`${base}/whatwg?x=2`), { method: 'DELETE', headers: { 'X-A': 'w' } }));
  console.log(await get(`${base}/string`, { method: 'PATCH' }));
  console.log(await get({ host: '127.0.0.1', port: server.address().port, path: '/opts', method: 'POST' }));
  server.close();
});
