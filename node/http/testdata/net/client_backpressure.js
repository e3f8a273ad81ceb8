// a slow reader of a big response: the client reads no further ahead than its buffer, so the server sees backpressure (writes return false, then drain)
const http = require('http');
const big = Buffer.alloc(1 << 20, 120);
let writes = 0, falses = 0, drains = 0;
const srv = http.createServer((req, res) => {
  let i = 0;
  const pump = () => {
    while (i < 64) {
      i++; writes++;
      if (!res.write(big)) { falses++; res.once('drain', () => { drains++; pump(); }); return; }
    }
    res.end();
  };
  pump();
});
srv.listen(0, '127.0.0.1', () => {
  http.get(`http://127.0.0.1:${srv.address().port}/`, (res) => {
    let n = 0;
    res.pause();
    setTimeout(() => {
      console.log('writes while paused < 64:', writes < 64, 'backpressure seen:', falses > 0);
      res.on('data', (d) => { n += d.length; });
      res.on('end', () => { console.log('got', n, 'drains>0', drains > 0); srv.close(); });
      res.resume();
    }, 300);
  });
});
