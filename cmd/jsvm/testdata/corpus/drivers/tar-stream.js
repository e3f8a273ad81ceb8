// tar-stream through zlib streams: pack, gzip, gunzip, extract
const tar = require('tar-stream');
const zlib = require('zlib');
const { pipeline, Writable } = require('stream');
const pack = tar.pack();
pack.entry({ name: 'hello.txt', mtime: new Date(1700000000000), mode: 0o644 }, 'hello tar\n');
pack.entry({ name: 'dir/', type: 'directory', mtime: new Date(1700000000000) });
pack.entry({ name: 'dir/big.bin', mtime: new Date(1700000000000) }, Buffer.alloc(70000, 7));
pack.finalize();
const gzParts = [];
pipeline(pack, zlib.createGzip(), new Writable({ write(c, e, cb) { gzParts.push(c); cb(); } }), (err) => {
  const gz = Buffer.concat(gzParts);
  console.log('packed', err, zlib.gunzipSync(gz).length);
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    let n = 0;
    stream.on('data', (c) => { n += c.length; });
    stream.on('end', () => { console.log(header.name, header.type, header.size, n, header.mtime.toISOString()); next(); });
  });
  extract.on('finish', () => console.log('extracted'));
  const g = zlib.createGunzip();
  pipeline(g, extract, (err) => console.log('done', err));
  for (let i = 0; i < gz.length; i += 500) g.write(gz.subarray(i, i + 500));
  g.end();
});
