// archiver writes zip and tar.gz to temp files; adm-zip and yauzl read them back; yazl writes one too
const archiver = require('archiver');
const AdmZip = require('adm-zip');
const yauzl = require('yauzl');
const yazl = require('yazl');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-'));
fs.writeFileSync(path.join(dir, 'f.txt'), 'file on disk\n'.repeat(100));
const date = new Date('2020-01-02T03:04:06Z');
function make(format, opts, file) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    const a = archiver(format, opts);
    a.on('error', reject);
    out.on('close', () => resolve(a.pointer()));
    a.pipe(out);
    a.append('hello zip\n', { name: 'hello.txt', date });
    a.append(Buffer.alloc(5000, 'z'), { name: 'dir/zeros.bin', date });
    a.file(path.join(dir, 'f.txt'), { name: 'disk/f.txt', date });
    a.finalize();
  });
}
(async () => {
  const zipFile = path.join(dir, 'a.zip');
  await make('zip', { zlib: { level: 9 } }, zipFile);
  const z = new AdmZip(zipFile);
  console.log(z.getEntries().map((e) => [e.entryName, e.header.size, e.getData().toString().slice(0, 12)]));
  await new Promise((resolve) => yauzl.open(zipFile, { lazyEntries: true }, (err, zf) => {
    if (err) throw err;
    zf.readEntry();
    zf.on('entry', (e) => { zf.openReadStream(e, (err2, s) => { let n = 0; s.on('data', (d) => { n += d.length; }); s.on('end', () => { console.log('yauzl', e.fileName, n, e.compressedSize > 0); zf.readEntry(); }); }); });
    zf.on('end', resolve);
  }));
  const tgz = path.join(dir, 'a.tgz');
  await make('tar', { gzip: true }, tgz);
  const tar = zlib.gunzipSync(fs.readFileSync(tgz));
  const names = [];
  for (let off = 0; off + 512 <= tar.length; ) {
    const name = tar.subarray(off, off + 100).toString().replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(off + 124, off + 136).toString(), 8);
    names.push([name, size]);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  console.log('tar', names);
  const yz = new yazl.ZipFile();
  yz.addBuffer(Buffer.from('from yazl'), 'y.txt', { mtime: date });
  yz.end();
  const chunks = [];
  yz.outputStream.on('data', (c) => chunks.push(c)).on('end', () => {
    const z2 = new AdmZip(Buffer.concat(chunks));
    console.log('yazl', z2.getEntries().map((e) => [e.entryName, e.getData().toString()]));
    const z3 = new AdmZip(); z3.addFile('n.txt', Buffer.from('adm')); const back = new AdmZip(z3.toBuffer());
    console.log('adm', back.readAsText('n.txt'));
    fs.rmSync(dir, { recursive: true });
  });
})();
