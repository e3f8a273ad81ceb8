// http 'upgrade' (server and client) and CONNECT: the connection becomes
// a net.Socket both sides speak a raw protocol over; a server without an
// 'upgrade' listener answers the request as any other.
'use strict';
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  res.end(`plain ${req.headers.upgrade || ''} ${req.upgrade}`);
});
server.on('upgrade', (req, socket, head) => {
  console.log('server upgrade', req.method, req.url, req.headers.upgrade, Buffer.isBuffer(head), socket instanceof net.Socket);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => {
    if (String(d) === 'quit') { socket.end('bye'); return; }
    socket.write(`echo:${d}`);
  });
});
server.on('connect', (req, socket) => {
  console.log('server connect', req.method, req.url);
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel-data');
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req = http.request({ port, host: '127.0.0.1', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
  req.on('upgrade', (res, socket, head) => {
    console.log('client upgrade', res.statusCode, res.headers.upgrade, head.length, socket instanceof net.Socket);
    let got = '';
    socket.on('data', (d) => {
      got += d;
      if (got === 'echo:one') socket.write('quit');
    });
    socket.on('end', () => {
      console.log('client got', got);
      socket.end();
    });
    socket.on('close', () => {
      // a server without listeners for the upgrade serves it as a request
      const plain = http.createServer((q, r) => r.end(`plain ${q.headers.upgrade} ${!!q.upgrade}`));
      plain.listen(0, '127.0.0.1', () => {
        http.get({ port: plain.address().port, host: '127.0.0.1', headers: { Connection: 'Upgrade', Upgrade: 'x' } }, (res) => {
          let b = '';
          res.on('data', (c) => { b += c; });
          res.on('end', () => {
            console.log('no listener:', res.statusCode, b);
            plain.close();
            connectStep(port);
          });
        });
      });
    });
    socket.write('one');
  });
  req.end();
});

function connectStep(port) {
  const c = net.connect(port, '127.0.0.1', () => {
    c.write('CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n');
  });
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', () => {
    console.log('tunnel reply', JSON.stringify(got));
    c.end();
    server.close(() => console.log('closed'));
  });
}
