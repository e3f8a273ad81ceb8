// hono: classes whose fields are arrows using `this` (engine/fieldthis.go), routing, middleware, JSON, errors
const { Hono } = require('hono');
const app = new Hono();
app.use('*', async (c, next) => { c.header('x-mw', '1'); await next(); });
app.get('/hello/:name', (c) => c.text(`hi ${c.req.param('name')} ${c.req.query('q') ?? ''}`));
app.post('/json', async (c) => c.json({ got: await c.req.json(), n: 2 }, 201));
app.get('/boom', () => { throw new Error('boom'); });
app.onError((err, c) => c.text('caught ' + err.message, 500));
app.notFound((c) => c.text('nope', 404));
(async () => {
  for (const [path, init] of [['/hello/ann?q=z'], ['/json', { method: 'POST', body: JSON.stringify({ a: [1, 2] }), headers: { 'content-type': 'application/json' } }], ['/boom'], ['/missing']]) {
    const r = await app.request(path, init);
    console.log(path, r.status, r.headers.get('x-mw'), r.headers.get('content-type'), await r.text());
  }
})();
