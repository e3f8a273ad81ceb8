// rimraf + mkdirp: recursive remove and create, sync and async
const { rimraf, rimrafSync } = require('rimraf');
const { mkdirp } = require('mkdirp');
const fs = require('fs');
const os = require('os');
const path = require('path');
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rimraf-'));
  const made = await mkdirp(path.join(dir, 'a/b/c'));
  console.log(made === path.join(dir, 'a'), fs.existsSync(path.join(dir, 'a/b/c')));
  fs.writeFileSync(path.join(dir, 'a/b/c/f.txt'), 'x');
  fs.writeFileSync(path.join(dir, 'a/g.txt'), 'y');
  console.log(await rimraf(path.join(dir, 'a/b')), fs.existsSync(path.join(dir, 'a/b')), fs.existsSync(path.join(dir, 'a/g.txt')));
  console.log(await rimraf(path.join(dir, '*.txt'), { glob: true }), rimrafSync(dir), fs.existsSync(dir));
})();
