// body-parser, cookie-parser, cors, helmet, morgan (to a stream) on express
const express = require('express');
const bodyParser = require('body-parser');
const cookieParser = require('cookie-parser');
const cors = require('cors');
const helmet = require('helmet');
const morgan = require('morgan');
const http = require('http');
const logs = [];
const app = express();
app.use(morgan(':method :url :status', { stream: { write: (s) => logs.push(s.trim()) } }));
app.use(helmet());
app.use(cors({ origin: 'http://a.example' }));
app.use(cookieParser('secret'));
app.use(bodyParser.urlencoded({ extended: true }));
app.use(bodyParser.json({ limit: '10b' }));
app.use(bodyParser.text());
app.post('/form', (req, res) => res.json({ body: req.body, cookies: req.cookies, signed: req.signedCookies }));
app.use((err, req, res, next) => res.status(err.status || 500).send(`${err.type} ${err.expose}`)); // (not err.message: JSON.parse's text is the engine's)
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const call = (type, body, cookie) => new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/form', headers: { 'content-type': type, origin: 'http://a.example', cookie: cookie || '' } }, (res) => {
      let d = ''; res.setEncoding('utf8'); res.on('data', (c) => { d += c; });
      res.on('end', () => resolve(`${res.statusCode} acao=${res.headers['access-control-allow-origin']} csp=${(res.headers['content-security-policy'] || '').slice(0, 30)} xfo=${res.headers['x-frame-options']} ${d}`));
    });
    req.end(body);
  });
  console.log(await call('application/x-www-form-urlencoded', 'a[b]=1&c=2&c=3', 'k=v; s=s%3Aval.' + require('cookie-signature').sign('val', 'secret').split('.')[1]));
  console.log(await call('application/json', '{"too":"long body"}'));
  console.log(await call('application/json', '{bad'));
  console.log(await call('text/plain', 'plain text'));
  console.log(logs);
  server.close(() => console.log('closed'));
});
