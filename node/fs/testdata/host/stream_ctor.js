// fs.ReadStream / fs.WriteStream are functions as in Node: graceful-fs's
// fs$ReadStream.apply(this, arguments) subclasses, class extends, calls
// without new; the properties can be assigned (createReadStream then
// makes the assigned class).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'line one\nline two\n');
const Orig = fs.ReadStream;
function MyRS(p, o) { if (!(this instanceof MyRS)) return new MyRS(p, o); Orig.apply(this, arguments); this.mine = true; }
util.inherits(MyRS, Orig);
const r = new MyRS(file, { encoding: 'utf8' });
let got = '';
r.on('open', (fd) => console.log('open', typeof fd, r.mine));
r.on('data', (d) => { got += d; });
r.on('end', () => {
  console.log('read', JSON.stringify(got), r instanceof fs.ReadStream, r.bytesRead);
  class W extends fs.WriteStream { constructor(p) { super(p, { flags: 'a' }); this.cls = 1; } }
  const w = new W(file);
  w.end('line three\n', () => {
    console.log('appended', w.cls, w.bytesWritten, fs.readFileSync(file, 'utf8').split('\n').length);
    const plain = fs.ReadStream(file, { start: 5, end: 7 }); // no new
    plain.on('data', (d) => console.log('no new', String(d), plain instanceof fs.ReadStream));
    plain.on('close', () => {
      fs.ReadStream = MyRS;
      const viaCreate = fs.createReadStream(file);
      console.log('assigned', viaCreate.mine === true, fs.ReadStream === MyRS);
      viaCreate.destroy();
      fs.ReadStream = Orig;
      const missing = new Orig(path.join(dir, 'missing'));
      missing.on('error', (e) => { console.log('error', e.code); fs.rmSync(dir, { recursive: true }); });
    });
  });
});
console.log(typeof fs.ReadStream, fs.ReadStream.name, Object.keys(fs.WriteStream.prototype).includes('_write'));
