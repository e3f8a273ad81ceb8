// koa: async middleware cascade against a local request
const Koa = require('koa');
const http = require('http');
const app = new Koa();
app.use(async (ctx, next) => { const t = 'mw'; await next(); ctx.set('X-Order', t + ' after'); });
app.use(async (ctx) => {
  if (ctx.path === '/err') ctx.throw(418, 'teapot here');
  ctx.body = { path: ctx.path, query: ctx.query, method: ctx.method };
});
app.on('error', () => {});
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (path) => new Promise((resolve) => http.get({ host: '127.0.0.1', port, path }, (res) => {
    let d = ''; res.setEncoding('utf8'); res.on('data', (c) => { d += c; });
    res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ${res.headers['x-order']} ${d}`));
  }));
  console.log(await get('/a/b?x=1'));
  console.log(await get('/err'));
  server.close();
});
