// fastify inject() (light-my-request): http.ServerResponse / IncomingMessage over a fake socket, no listen
const Fastify = require('fastify');
const http = require('http');
const app = Fastify();
app.addHook('onSend', async (req, reply, payload) => { reply.header('x-sent', 'yes'); return payload; });
app.get('/hi', async (req, reply) => { reply.header('x-a', '1'); return { hi: req.query.n }; });
app.post('/echo', async (req) => req.body);
app.get('/raw', (req, reply) => { reply.raw.writeHead(201, 'Okay', { 'x-r': 'r' }); reply.raw.end('raw body'); });
app.get('/stream', (req, reply) => { const { Readable } = require('stream'); reply.type('text/plain').send(Readable.from(['a', 'b', 'c'])); });
app.get('/boom', async () => { throw Object.assign(new Error('kaboom'), { statusCode: 418 }); });
(async () => {
  let r = await app.inject({ method: 'GET', url: '/hi?n=5' });
  console.log(r.statusCode, r.statusMessage, r.headers['content-type'], r.headers['x-a'], r.headers['x-sent'], r.body);
  r = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
  console.log(r.statusCode, r.headers['content-length'], r.json());
  r = await app.inject().get('/nope');
  console.log(r.statusCode, r.body);
  r = await app.inject({ url: '/raw' });
  console.log(r.statusCode, r.statusMessage, r.headers['x-r'], r.body);
  r = await app.inject({ url: '/stream' });
  console.log(r.statusCode, r.headers['content-type'], r.body);
  r = await app.inject({ url: '/boom' });
  console.log(r.statusCode, r.json().message);
  console.log(r.raw.res instanceof http.ServerResponse, typeof r.raw.res._header, /^HTTP\/1.1 418 /.test(r.raw.res._header));
  await app.close();
  console.log('closed');
})().catch((e) => console.log('ERR', e));
