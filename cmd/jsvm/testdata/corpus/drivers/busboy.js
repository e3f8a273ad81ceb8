// busboy and multer: multipart uploads (fields and files) to a local server, sent by fetch's FormData
const busboy = require('busboy');
const multer = require('multer');
const express = require('express');
const http = require('http');
const app = express();
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 } });
app.post('/multer', upload.single('doc'), (req, res) => res.json({ body: req.body, file: req.file && { name: req.file.originalname, type: req.file.mimetype, size: req.file.size, text: req.file.buffer.toString() } }));
app.post('/busboy', (req, res) => {
  const bb = busboy({ headers: req.headers });
  const got = [];
  bb.on('field', (name, val) => got.push(['field', name, val]));
  bb.on('file', (name, stream, info) => { let n = 0; stream.on('data', (d) => { n += d.length; }); stream.on('end', () => got.push(['file', name, info.filename, info.mimeType, n])); });
  bb.on('close', () => res.end(JSON.stringify(got)));
  req.pipe(bb);
});
app.use((err, req, res, next) => res.status(400).send(`${err.code} ${err.message}`));
const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const form = (size) => { const f = new FormData(); f.append('title', 'hello'); f.append('doc', new Blob(['x'.repeat(size)], { type: 'text/plain' }), 'a.txt'); return f; };
  for (const [p, size] of [['/busboy', 100000], ['/multer', 10], ['/multer', 50]]) {
    const r = await fetch(base + p, { method: 'POST', body: form(size) });
    console.log(p, size, r.status, await r.text());
  }
  server.close();
});
