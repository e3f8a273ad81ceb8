const fs = require('fs'), fsp = require('fs/promises'), path = require('path'), os = require('os');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jsvmfsa-'));
const p = (s) => path.join(base, s);
const clean = (s) => String(s).split(base).join('<T>');
console.log(require('node:fs/promises') === fs.promises, typeof fsp.readFile, typeof fsp.open);
console.log('sync first');
fs.writeFile(p('a'), 'data', (err) => {
  console.log('writeFile cb', err);
  fs.readFile(p('a'), 'utf8', (err, d) => {
    console.log('readFile cb', err, d);
    fs.stat(p('a'), (err, st) => {
      console.log('stat cb', err, st.size, st.isFile());
      fs.readdir(base, { withFileTypes: true }, (err, ents) => {
        console.log('readdir cb', err, ents.map((e) => e.name + ':' + e.isFile()));
        fs.readFile(p('missing'), (err, d) => {
          console.log('missing cb', clean(err.message), err.code, d);
          fs.access(p('a'), (err) => { console.log('access cb', err); fs.exists(p('a'), (e) => { console.log('exists cb', e); promisesPart(); }); });
        });
      });
    });
  });
});
try { fs.readFile(p('a')); } catch (e) { console.log('no cb', e.code, e.message); }
try { fs.readFile(1.5, () => {}); } catch (e) { console.log('bad path cb', e.code); }
async function promisesPart() {
  await fsp.writeFile(p('b'), 'promised');
  console.log('p read', await fsp.readFile(p('b'), 'utf8'));
  await fsp.appendFile(p('b'), '!');
  console.log('p stat', (await fsp.stat(p('b'))).size);
  await fsp.mkdir(p('x/y'), { recursive: true });
  console.log('p readdir', await fsp.readdir(base));
  try { await fsp.readFile(p('zz')); } catch (e) { console.log('p missing', clean(e.message), e.code); }
  const fh = await fsp.open(p('b'), 'r+');
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(4), 0, 4, 0);
  console.log('fh read', bytesRead, buffer.toString());
  await fh.write('ZZ', 0);
  console.log('fh readFile', await fh.readFile('utf8'), (await fh.stat()).size, typeof fh.fd);
  await fh.close();
  await fsp.rename(p('b'), p('c'));
  await fsp.copyFile(p('c'), p('d'));
  await fsp.unlink(p('c'));
  console.log('p access', await fsp.access(p('d')));
  await fsp.rm(p('x'), { recursive: true });
  console.log('p readdir 2', await fsp.readdir(base));
  const dir = await fsp.opendir(base);
  const names = [];
  const it = dir[Symbol.asyncIterator](); // (no for-await in sobek)
  for (let r = await it.next(); !r.done; r = await it.next()) names.push(r.value.name);
  console.log('opendir', names);
  await fsp.rm(base, { recursive: true, force: true });
  console.log('done', fs.existsSync(base));
}
