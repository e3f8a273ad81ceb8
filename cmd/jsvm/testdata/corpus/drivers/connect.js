// connect: a middleware stack with mounts and an error handler
const connect = require('connect');
const http = require('http');
const app = connect();
app.use((req, res, next) => { res.setHeader('x-a', '1'); next(); });
app.use('/api', (req, res, next) => { if (req.url === '/fail') return next(new Error('api failed')); res.end(`api ${req.url} ${req.originalUrl}`); });
app.use((req, res) => res.end('root ' + req.url));
app.use((err, req, res, next) => { res.statusCode = 500; res.end('err ' + err.message); });
const server = http.createServer(app).listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const p of ['/api/x?y=1', '/api/fail', '/other']) {
    const r = await fetch(`http://127.0.0.1:${port}${p}`);
    console.log(p, r.status, r.headers.get('x-a'), await r.text());
  }
  server.close();
});
