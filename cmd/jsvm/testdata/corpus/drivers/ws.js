// ws: a WebSocket server and client on a local port
const { WebSocketServer, WebSocket } = require('ws');
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => {
  const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}`);
  ws.on('open', () => ws.send('hello'));
  ws.on('message', (m) => { console.log('client got', String(m)); ws.close(); });
  ws.on('close', () => wss.close(() => console.log('closed')));
});
wss.on('connection', (s) => s.on('message', (m) => s.send(`echo ${m}`)));
