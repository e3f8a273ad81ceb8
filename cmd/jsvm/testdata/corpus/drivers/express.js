// express: routing, params, query, JSON body, middleware, errors, against a local request
const express = require('express');
const http = require('http');
const app = express();
app.use(express.json());
app.use((req, res, next) => { res.set('X-Mw', 'yes'); next(); });
app.get('/hello/:name', (req, res) => res.send(`hi ${req.params.name} ${JSON.stringify(req.query)}`));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body, type: req.get('content-type') }));
const router = express.Router();
router.get('/x', (req, res) => res.type('text').send('router x ' + req.baseUrl));
app.use('/r', router);
app.get('/boom', () => { throw new Error('kaboom'); });
app.get('/redir', (req, res) => res.redirect('/hello/redir'));
app.use((err, req, res, next) => res.status(500).send('caught ' + err.message));
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const call = (method, path, body) => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ${res.headers['x-mw']} ${res.headers.location || ''} ${data}`));
    });
    req.on('error', reject);
    req.end(body);
  });
  console.log(await call('GET', '/hello/bob?a=1&b[c]=2'));
  console.log(await call('POST', '/echo', JSON.stringify({ n: [1, 2] })));
  console.log(await call('GET', '/r/x'));
  console.log(await call('GET', '/boom'));
  console.log(await call('GET', '/redir'));
  console.log(await call('GET', '/missing'));
  server.close(() => console.log('closed'));
});
