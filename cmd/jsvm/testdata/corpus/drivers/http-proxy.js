// http-proxy: a proxy server in front of a local target, with header rewriting and an error handler
const httpProxy = require('http-proxy');
const http = require('http');
const target = http.createServer((req, res) => res.end(`target saw ${req.method} ${req.url} xff=${req.headers['x-forwarded-for'] ? 'yes' : 'no'} x-added=${req.headers['x-added']}`));
target.listen(0, '127.0.0.1', () => {
  const proxy = httpProxy.createProxyServer({ target: `http://127.0.0.1:${target.address().port}`, xfwd: true });
  proxy.on('proxyReq', (preq) => preq.setHeader('x-added', 'by-proxy'));
  proxy.on('proxyRes', (pres) => { pres.headers['x-proxied'] = '1'; });
  proxy.on('error', (err, req, res) => { res.writeHead(502); res.end('proxy error ' + err.code); });
  const front = http.createServer((req, res) => {
    if (req.url === '/dead') return proxy.web(req, res, { target: 'http://127.0.0.1:1' });
    proxy.web(req, res);
  });
  front.listen(0, '127.0.0.1', async () => {
    const base = `http://127.0.0.1:${front.address().port}`;
    for (const p of ['/x?y=1', '/dead']) {
      const r = await fetch(base + p, { method: 'GET' });
      console.log(p, r.status, r.headers.get('x-proxied'), await r.text());
    }
    proxy.close(); front.close(); target.close(() => console.log('closed'));
  });
});
