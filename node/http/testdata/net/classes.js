// http's constructors are functions as in Node: util.inherits-style
// subclasses call them on `this` (ServerResponse.call(this, req),
// Agent.call(this)), classes extend them, instanceof holds; a client
// request emits 'socket' before it is sent, and headers set there go out;
// a response destroyed with no 'error' listener emits none.
'use strict';
const http = require('http');
const util = require('util');
class R extends http.ServerResponse { constructor(req) { super(req); this.x = 1; } }
const r = new R({ socket: null, method: 'GET' });
console.log(r instanceof http.ServerResponse, r instanceof http.OutgoingMessage, r.x, r.statusCode, r.headersSent);
function Old(req) { http.ServerResponse.call(this, req); this.y = 2; }
util.inherits(Old, http.ServerResponse);
const o = new Old({ method: 'GET' });
o.setHeader('X-A', 'b');
console.log(o.statusCode, o.y, o instanceof http.ServerResponse, o.getHeader('x-a'));
function MyAgent() { http.Agent.call(this, { keepAlive: true, maxSockets: 3 }); }
util.inherits(MyAgent, http.Agent);
const a = new MyAgent();
console.log(a.keepAlive, a.maxSockets, a instanceof http.Agent, typeof http.ServerResponse, http.ServerResponse.name, http.Agent.defaultMaxSockets);
console.log(typeof http.Agent(), http.IncomingMessage.prototype.constructor === http.IncomingMessage);
const server = http.createServer((req, res) => res.end(`x-late=${req.headers['x-late']}`));
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    let d = '';
    res.on('data', (c) => { d += c; });
    res.on('end', () => {
      console.log('response', d);
      // a response destroyed with no 'error' listener: no error (node-fetch's redirects)
      const r2 = http.get({ port: server.address().port, host: '127.0.0.1' }, (res2) => {
        r2.destroy();
        res2.on('close', () => { console.log('destroyed quietly', res2.destroyed); server.close(() => console.log('closed')); });
      });
    });
  });
  let sockets = 0;
  req.on('socket', (s) => { sockets++; req.setHeader('x-late', 'from socket'); console.log('socket', sockets, typeof s.setTimeout, req.socket === s); });
  console.log('before tick', req.socket);
  setTimeout(() => req.end(), 1); // headers go with the first write or end
});
