// socket.io server and socket.io-client over a local http server: events, acks, rooms, binary, disconnect
const { Server } = require('socket.io');
const { io } = require('socket.io-client');
const http = require('http');
const srv = http.createServer();
const ioServer = new Server(srv);
ioServer.on('connection', (socket) => {
  socket.join('room1');
  socket.on('hello', (msg, ack) => ack({ got: msg, rooms: [...socket.rooms].length }));
  socket.on('bin', (buf) => socket.emit('bin-back', Buffer.concat([Buffer.from(buf), Buffer.from([9])])));
  socket.on('broadcast', () => ioServer.to('room1').emit('news', 'to room'));
});
srv.listen(0, '127.0.0.1', () => {
  const transports = process.argv.includes('--polling') ? ['polling'] : ['websocket'];
  const c = io(`http://127.0.0.1:${srv.address().port}`, { transports, reconnection: false });
  c.on('connect', () => {
    console.log('connected', c.connected, transports);
    c.emit('hello', { a: 1 }, (reply) => {
      console.log('ack', reply);
      c.emit('bin', Buffer.from([1, 2, 3]));
    });
  });
  c.on('bin-back', (b) => { console.log('bin', Buffer.from(b)); c.emit('broadcast'); });
  c.on('news', (n) => { console.log('news', n); c.disconnect(); });
  c.on('disconnect', (reason) => { console.log('disconnect', reason); ioServer.close(() => console.log('closed')); });
});
