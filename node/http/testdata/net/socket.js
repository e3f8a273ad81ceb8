// What packages read of req.socket / res.socket (koa checks
// socket.writable before it responds), and a legacy Stream piped into a
// ClientRequest (form-data's submit).
'use strict';
const http = require('http');
const Stream = require('stream');
const server = http.createServer((req, res) => {
  const s = req.socket;
  console.log(s === res.socket, s.writable, s.readable, s.destroyed, s.encrypted, typeof s.remotePort, s.remoteAddress, s.address().family);
  console.log(typeof s.setTimeout(1000), typeof s.setNoDelay(true), typeof s.setKeepAlive(true), s instanceof require('events'));
  console.log(res.writable, res.writableEnded);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    res.end(`got ${body}`);
    console.log('after end', res.writable, res.writableEnded);
  });
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST' }, (res) => {
    let d = '';
    res.on('data', (c) => { d += c; });
    res.on('end', () => {
      console.log(res.statusCode, d);
      server.close();
    });
  });
  console.log('client writable', req.writable);
  const src = new Stream();
  src.readable = true;
  src.pipe(req);
  src.emit('data', 'one ');
  src.emit('data', Buffer.from('two'));
  src.emit('end');
});
