const fs = require('fs'), path = require('path'), os = require('os');
const { pipeline } = require('stream');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jsvmfss-'));
const p = (s) => path.join(base, s);
const ws = fs.createWriteStream(p('out.txt'));
ws.on('open', (fd) => console.log('ws open', typeof fd));
ws.on('ready', () => console.log('ws ready'));
for (let i = 0; i < 5; i++) ws.write('line ' + i + '\n');
ws.end('last\n');
ws.on('finish', () => console.log('ws finish', ws.bytesWritten));
ws.on('close', () => {
  console.log('ws close');
  const rs = fs.createReadStream(p('out.txt'), { encoding: 'utf8', highWaterMark: 8 });
  const parts = [];
  rs.on('open', () => console.log('rs open'));
  rs.on('data', (c) => parts.push(c));
  rs.on('end', () => console.log('rs end', parts.length, JSON.stringify(parts.join(''))));
  rs.on('close', () => {
    console.log('rs close', rs.bytesRead);
    const part = fs.createReadStream(p('out.txt'), { start: 2, end: 9 });
    part.on('data', (c) => console.log('range', JSON.stringify(String(c))));
    part.on('close', () => {
      pipeline(fs.createReadStream(p('out.txt')), fs.createWriteStream(p('copy.txt')), (err) => {
        console.log('pipeline', err, fs.readFileSync(p('copy.txt'), 'utf8') === fs.readFileSync(p('out.txt'), 'utf8'));
        const bad = fs.createReadStream(p('missing'));
        bad.on('error', (e) => { console.log('missing', e.code, e.syscall); });
        bad.on('close', () => { console.log('missing close'); fs.rmSync(base, { recursive: true }); });
      });
    });
  });
});
