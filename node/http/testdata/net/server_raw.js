// The server over raw connections, compared with node: pipelining, HTTP/1.0, parse errors (clientError), chunked and 100-continue requests, duplicate headers, end twice, a throwing listener, a 4 MiB response read after a pause, a 3 MiB request body
const http = require('http');
const net = require('net');
const srv = http.createServer((req, res) => {
  if (req.url === '/throw') throw new Error('listener boom');
  if (req.url === '/big') { const b = Buffer.alloc(4 << 20, 97); res.end(b); return; }
  if (req.url === '/slowbody') { let n = 0; req.on('data', (d) => { n += d.length; }); req.on('end', () => res.end(`got ${n}`)); return; }
  if (req.url === '/twice') { res.end('a'); res.end('b'); try { res.setHeader('x', '1'); } catch (e) { console.log('after end', e.code, e.message); } return; }
  res.end(`${req.method} ${req.url} ${req.httpVersion} ${JSON.stringify(req.headers)}`);
});
srv.on('clientError', (e, s) => { console.log('clientError', e.code, e.message); s.end('HTTP/1.1 400 Bad Request\r\n\r\n'); });
process.on('uncaughtException', (e) => { console.log('uncaught', e.message); });
const raw = (port, data) => new Promise((resolve) => {
  const c = net.connect(port, '127.0.0.1');
  let out = '';
  c.on('data', (d) => { out += d; });
  c.on('close', () => resolve(out.replace(/Date: .*\r\n/g, 'Date: X\r\n')));
  c.on('error', () => {});
  c.write(data);
  setTimeout(() => c.end(), 100);
});
srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  const show = (label, s) => console.log(label, JSON.stringify(s));
  show('pipelined', await raw(port, 'GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: b\r\n\r\n'));
  show('http10', await raw(port, 'GET /x HTTP/1.0\r\n\r\n'));
  show('bad method', await raw(port, 'FOO / HTTP/1.1\r\n\r\n'));
  show('chunked req', await raw(port, 'POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n'));
  show('dup cl', await raw(port, 'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'));
  show('expect', await raw(port, 'POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi'));
  show('lf only', await raw(port, 'GET /lf HTTP/1.1\nHost: a\nConnection: close\n\n'));
  show('dup headers', await raw(port, 'GET /d HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nX-A: 2\r\nCookie: a=1\r\nCookie: b=2\r\nContent-Type: t1\r\nContent-Type: t2\r\nConnection: close\r\n\r\n'));
  show('throw', await raw(port, 'GET /throw HTTP/1.1\r\nHost: a\r\n\r\n'));
  show('twice', await raw(port, 'GET /twice HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'));
  http.get(`http://127.0.0.1:${port}/big`, (res) => {
    res.pause();
    setTimeout(() => {
      let n = 0;
      res.on('data', (d) => { n += d.length; });
      res.on('end', () => {
        console.log('big', n);
        const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/slowbody' }, (res2) => {
          let s = ''; res2.on('data', (d) => { s += d; }); res2.on('end', () => { console.log(s); srv.close(() => console.log('closed')); });
        });
        req.end(Buffer.alloc(3 << 20, 98));
      });
      res.resume();
    }, 200);
  });
});
