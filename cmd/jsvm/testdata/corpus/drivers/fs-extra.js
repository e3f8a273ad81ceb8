// fs-extra: copy/move/remove/json/ensure on a temp tree, promises and callbacks
const fse = require('fs-extra');
const os = require('os');
const path = require('path');
(async () => {
  const dir = await fse.mkdtemp(path.join(os.tmpdir(), 'fsex-'));
  await fse.outputFile(path.join(dir, 'a/b/c.txt'), 'hello');
  await fse.writeJson(path.join(dir, 'a/data.json'), { x: [1, 2] }, { spaces: 2 });
  console.log(await fse.readJson(path.join(dir, 'a/data.json')), await fse.pathExists(path.join(dir, 'a/b/c.txt')));
  await fse.copy(path.join(dir, 'a'), path.join(dir, 'copy'));
  console.log((await fse.readdir(path.join(dir, 'copy'))).sort(), fse.readFileSync(path.join(dir, 'copy/b/c.txt'), 'utf8'));
  await fse.move(path.join(dir, 'copy'), path.join(dir, 'moved'));
  await fse.ensureDir(path.join(dir, 'e/f'));
  fse.ensureFileSync(path.join(dir, 'e/f/g'));
  console.log((await fse.readdir(dir)).sort(), fse.existsSync(path.join(dir, 'e/f/g')));
  await fse.emptyDir(path.join(dir, 'moved'));
  console.log(await fse.readdir(path.join(dir, 'moved')));
  fse.remove(dir, (err) => console.log('removed', err, fse.existsSync(dir)));
})();
