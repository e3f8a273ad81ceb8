// A request body of binary chunks (Buffer, Uint8Array) mixed with strings arrives byte for byte.
const http = require('http');
const server = http.createServer((req, res) => {
  const parts = []; req.on('data', (c) => parts.push(c));
  req.on('end', () => { res.end(Buffer.concat(parts).toString('hex')); });
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST' }, (res) => {
    let d = ''; res.on('data', (c) => d += c); res.on('end', () => { console.log(d); server.close(); });
  });
  req.write(Buffer.from([0xff, 0x00, 0x80]));
  req.write('é');
  req.end(new Uint8Array([1, 2]));
});
