// IncomingMessage is a stream.Readable on both sides: pipe, pipeline,
// for await, setEncoding, pause/resume, unconsumed bodies.
'use strict';
const http = require('http');
const { Readable, Writable, pipeline } = require('stream');
const server = http.createServer(async (req, res) => {
  console.log('req', req instanceof Readable, req.readable, req.readableEnded, req.complete);
  let body = '';
  for await (const chunk of req) body += chunk;
  console.log('body', body.length, req.readableEnded, req.complete);
  if (req.url === '/ignore') {
    res.end('ignored');
    return;
  }
  res.setHeader('Content-Type', 'text/plain');
  res.end('y'.repeat(70000));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req = http.request({ port, host: '127.0.0.1', method: 'POST' }, (res) => {
    console.log('res', res instanceof Readable, res.readable, typeof res.pipe);
    let got = 0;
    const sink = new Writable({ write(c, e, cb) { got += c.length; cb(); } });
    sink.on('finish', () => {
      console.log('piped', got, res.readableEnded, res.complete);
      pipelined(port);
    });
    res.pipe(sink);
  });
  Readable.from(['a'.repeat(1000), 'b'.repeat(2000)]).pipe(req);
});
function pipelined(port) {
  http.get({ port, host: '127.0.0.1', path: '/x' }, (res) => {
    res.setEncoding('utf8');
    res.pause();
    console.log('paused', res.isPaused());
    let s = '';
    pipeline(res, new Writable({ decodeStrings: false, write(c, e, cb) { s += c; cb(); } }), (err) => {
      console.log('pipeline', err, s.length, typeof s);
      http.get({ port, host: '127.0.0.1', path: '/ignore' }, (r2) => {
        console.log('unread', r2.statusCode);
        r2.resume();
        r2.on('end', () => server.close(() => console.log('closed')));
      });
    });
  });
}
