// net sockets and servers: echo, addresses, half-open, errors, events
'use strict';
const net = require('net');
const log = (...a) => console.log(...a);

function step(name, fn) { return () => new Promise((resolve) => { log('--', name); fn(resolve); }); }

const steps = [
  step('echo', (done) => {
    const srv = net.createServer((s) => {
      const info = ['server conn', s.remoteAddress, s.remoteFamily, typeof s.remotePort, s.localPort === srv.address().port];
      s.on('data', (d) => s.write(d.toString().toUpperCase()));
      s.on('end', () => { log(...info); log('server end'); s.end(); });
      s.on('close', (hadError) => { serverClose = hadError; both(); });
    });
    let serverClose;
    let n = 0;
    const both = () => { if (++n === 2) srv.close(() => { log('server socket close', serverClose); log('server closed', srv.listening, srv.address()); done(); }); };
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      log('listening', a.address, a.family, typeof a.port, srv.listening);
      const c = net.connect({ port: a.port, host: '127.0.0.1' });
      log('connecting', c.connecting, c.pending, c.readyState);
      c.setEncoding('utf8');
      let got = '';
      c.on('connect', () => log('connect', c.connecting, c.readyState, c.remotePort === a.port, c.remoteAddress));
      c.on('ready', () => { log('ready'); c.write('hello '); c.end('world'); });
      c.on('data', (d) => { got += d; });
      c.on('end', () => log('client end', JSON.stringify(got)));
      c.on('finish', () => log('client finish'));
      c.on('close', (hadError) => {
        log('client close', hadError, c.bytesRead, c.bytesWritten, c.destroyed, c.readyState);
        both();
      });
    });
  }),
  step('refused', (done) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      srv.close(() => {
        const c = net.connect(port, '127.0.0.1');
        c.on('error', (e) => log('error', e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall, e.address, e.port === port));
        c.on('close', (hadError) => { log('close', hadError, c.destroyed); done(); });
      });
    });
  }),
  step('in use', (done) => {
    const a = net.createServer().listen(0, '127.0.0.1', () => {
      const b = net.createServer();
      b.on('error', (e) => {
        log(e.message.replace(/\d+$/, 'PORT'), e.code, e.errno, e.syscall, e.address);
        a.close(done);
      });
      b.listen(a.address().port, '127.0.0.1');
    });
  }),
  step('half open', (done) => {
    const srv = net.createServer({ allowHalfOpen: true }, (s) => {
      let body = '';
      s.on('data', (d) => { body += d; });
      s.on('end', () => {
        log('server got all', body, s.writable);
        s.write('late reply');
        s.end();
      });
    });
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => c.end('request'));
      let reply = '';
      c.on('data', (d) => { reply += d; });
      c.on('close', () => { log('reply', reply); srv.close(done); });
    });
  }),
  step('big transfer', (done) => {
    const size = 3 * 1024 * 1024 + 17;
    const srv = net.createServer((s) => {
      let n = 0;
      s.on('data', (d) => { n += d.length; });
      s.on('end', () => { log('server received', n === size); s.end(String(n)); });
    });
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1');
      const chunk = Buffer.alloc(64 * 1024, 97);
      let sent = 0;
      let falses = 0;
      function pump() {
        while (sent < size) {
          const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
          sent += part.length;
          if (!c.write(part)) { falses++; c.once('drain', pump); return; }
        }
        c.end();
      }
      c.on('connect', pump);
      let reply = '';
      c.on('data', (d) => { reply += d; });
      c.on('close', () => { log('reply ok', reply === String(size), typeof falses); srv.close(done); });
    });
  }),
  step('destroy mid-write', (done) => {
    const seen = [];
    const srv = net.createServer((s) => {
      s.on('error', (e) => log('server socket error', e.code));
      s.on('close', () => { log('server saw close'); srv.close(() => { log(seen.sort()); done(); }); });
      s.resume();
    });
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1', () => {
        c.write(Buffer.alloc(1024 * 1024), (err) => seen.push('write cb ' + (err ? err.code : err)));
        c.destroy();
        log('destroyed', c.destroyed, c.writable);
        const r = c.write('more', (err) => seen.push('write after destroy cb ' + (err && err.code)));
        log('write after destroy returns', r);
      });
      c.on('error', (e) => log('client error', e.code));
      c.on('close', (h) => log('client close', h));
    });
  }),
  step('timeout', (done) => {
    const srv = net.createServer((s) => { s.on('data', () => {}); }); // never answers
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1');
      c.setTimeout(30);
      c.on('timeout', () => { log('timeout', c.timeout); c.destroy(); });
      c.on('close', () => { log('closed after timeout'); srv.close(done); });
    });
  }),
  step('server close waits', (done) => {
    const srv = net.createServer((s) => {
      srv.close(() => { log('server close callback'); done(); });
      srv.getConnections((err, n) => log('connections', err, n));
      setTimeout(() => s.end('bye'), 10);
    });
    srv.listen(0, '127.0.0.1', () => {
      const c = net.connect(srv.address().port, '127.0.0.1');
      c.on('data', (d) => log('client got', String(d)));
      c.on('end', () => log('client end'));
    });
  }),
  step('errors', (done) => {
    for (const f of [
      () => net.connect(70000),
      () => net.connect({ port: -1 }),
      () => net.connect({}),
      () => net.connect({ port: 80, host: 5 }),
      () => net.createServer().listen(65536),
      () => net.createServer().listen({ port: 'x' }),
      () => new net.Socket().setTimeout('x'),
      () => new net.Socket().setTimeout(-1),
    ]) {
      try { f(); log('no throw'); } catch (e) { log(e.name, e.code, e.message); }
    }
    net.createServer().close((e) => { log('close', e.code, e.message); done(); });
  }),
  step('unref', (done) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      srv.unref();
      log('unref returns server', srv.unref() === srv);
      done();
    });
  }),
];

(async () => {
  for (const s of steps) await s();
  log('done', net.isIP('::1'), net.isIPv4('1.2.3.4'), typeof net.Socket, new net.Socket() instanceof require('stream').Duplex);
})();
