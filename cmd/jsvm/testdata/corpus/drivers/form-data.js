// form-data: multipart body to a local server through http
const FormData = require('form-data');
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const boundary = req.headers['content-type'].split('boundary=')[1];
    const parts = body.split('--' + boundary).filter((p) => p.includes('Content-Disposition'));
    res.end(JSON.stringify(parts.map((p) => p.trim().split('\r\n').filter(Boolean))));
  });
});
server.listen(0, '127.0.0.1', () => {
  const form = new FormData();
  form.append('field', 'value');
  form.append('num', 42);
  form.append('file', Buffer.from('file body'), { filename: 'a.txt', contentType: 'text/plain' });
  console.log(form.getHeaders()['content-type'].startsWith('multipart/form-data; boundary='), form.getLengthSync());
  form.submit(`http://127.0.0.1:${server.address().port}/up`, (err, res) => {
    if (err) { console.log('error', err.message); server.close(); return; }
    let d = ''; res.on('data', (c) => { d += c; });
    res.on('end', () => { console.log(res.statusCode, JSON.parse(d)); server.close(); });
  });
});
