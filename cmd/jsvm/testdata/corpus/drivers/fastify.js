// fastify: routes, params, JSON schema validation, hooks, errors, not-found, over a real listen
const Fastify = require('fastify');
const app = Fastify({ logger: false });
app.addHook('onRequest', async (req, reply) => { reply.header('x-hook', 'on'); });
app.get('/hello/:name', async (req) => ({ hi: req.params.name, q: req.query }));
app.post('/sum', { schema: { body: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' }, b: { type: 'number' } } } } },
  async (req) => ({ sum: req.body.a + req.body.b }));
app.get('/boom', async () => { throw new Error('kaboom'); });
app.setNotFoundHandler((req, reply) => reply.code(404).send({ missing: req.url }));
(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  for (const [m, p, b] of [['GET', '/hello/ann?x=1'], ['POST', '/sum', { a: 2, b: 3 }], ['POST', '/sum', { a: 2, b: 'x' }], ['GET', '/boom'], ['GET', '/nope']]) {
    const res = await fetch(base + p, { method: m, body: b && JSON.stringify(b), headers: b ? { 'content-type': 'application/json' } : {} });
    console.log(m, p, res.status, res.headers.get('content-type'), res.headers.get('x-hook'), await res.text());
  }
  await app.close();
  console.log('closed');
})();
