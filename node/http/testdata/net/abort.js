// A response body arrives as it is sent (not read whole first), a
// connection dropped mid-body ('aborted', then ECONNRESET 'aborted'),
// req.destroy() during the body, res.destroy() on the server, and a
// connect right after listen()+close() (refused, never reset).
'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  res.setHeader('content-length', '100');
  res.write('first');
  if (req.url === '/cut') setTimeout(() => req.socket.destroy(), 20);
  if (req.url === '/resdestroy') setTimeout(() => res.destroy(), 20);
  if (req.url === '/drip') {
    // the client answers each chunk: the next is written only once the
    // previous one arrived
    server.drip = (n) => { if (n < 3) res.write(`c${n}`); else res.end('x'.repeat(100 - 5 - 6)); };
  }
});

function watch(name, res, done) {
  res.on('data', (d) => console.log(name, 'data', String(d)));
  res.on('aborted', () => console.log(name, 'aborted'));
  res.on('error', (e) => console.log(name, 'error', e.message, e.code));
  res.on('end', () => console.log(name, 'end'));
  res.on('close', () => { console.log(name, 'close', res.complete, res.aborted); done(); });
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const get = (path, cb) => {
    const req = http.get({ port, host: '127.0.0.1', path }, cb);
    req.on('close', () => console.log(path, 'req close'));
    req.on('error', (e) => console.log(path, 'req error', e.message));
    return req;
  };
  get('/cut', (res) => watch('/cut', res, () => {
    const req = get('/slow', (res) => {
      res.once('data', () => req.destroy());
      watch('/slow', res, () => {
        get('/resdestroy', (res) => watch('/resdestroy', res, () => {
          get('/drip', (res) => {
            let n = 0;
            res.on('data', (d) => { console.log('/drip data', String(d).slice(0, 5)); server.drip(n++); });
            res.on('end', () => {
              console.log('/drip end', n);
              const s = http.createServer();
              s.listen(0, '127.0.0.1', () => {
                const p = s.address().port;
                s.close(() => {
                  http.get({ port: p, host: '127.0.0.1' }).on('error', (e) => {
                    console.log('after close', e.code);
                    server.close(() => console.log('closed'));
                    server.closeAllConnections();
                  });
                });
              });
            });
          });
        }));
      });
    });
  }));
});
