// tar (node-tar, over minizlib): create a .tgz and list/extract it
const tar = require('tar');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tart-'));
fs.mkdirSync(path.join(dir, 'src/sub'), { recursive: true });
fs.writeFileSync(path.join(dir, 'src/a.txt'), 'alpha\n');
fs.writeFileSync(path.join(dir, 'src/sub/b.txt'), 'beta '.repeat(1000));
const file = path.join(dir, 'out.tgz');
tar.c({ gzip: true, file, cwd: dir, portable: true, mtime: new Date(1700000000000) }, ['src']).then(() => {
  const names = [];
  tar.t({ file, sync: true, onentry: (e) => names.push(e.path + ' ' + e.size) });
  console.log(names.sort());
  fs.mkdirSync(path.join(dir, 'x'));
  return tar.x({ file, cwd: path.join(dir, 'x') });
}).then(() => {
  console.log(fs.readFileSync(path.join(dir, 'x/src/sub/b.txt'), 'utf8').length, fs.readFileSync(path.join(dir, 'x/src/a.txt'), 'utf8'));
  fs.rmSync(dir, { recursive: true });
}).catch((e) => { console.log('error', e.message); fs.rmSync(dir, { recursive: true }); });
