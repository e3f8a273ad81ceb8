// glob (path-scurry over fs): patterns on a temp tree, sync and async, ignore
const { glob, globSync } = require('glob');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'globt-'));
for (const f of ['a.js', 'b.txt', 'src/c.js', 'src/deep/d.js', 'src/deep/e.md', '.dot/f.js', 'node_modules/m/i.js']) {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), f);
}
console.log(globSync('**/*.js', { cwd: dir, ignore: 'node_modules/**' }).sort());
console.log(globSync('src/**', { cwd: dir, dot: true }).sort(), globSync('*.{js,txt}', { cwd: dir }).sort());
glob('**/*.md', { cwd: dir, withFileTypes: true }).then((r) => {
  console.log(r.map((p) => [p.name, p.isFile(), p.relative()]));
  return glob('**', { cwd: dir, dot: true, nodir: true, absolute: false });
}).then((r) => {
  console.log(r.sort());
  fs.rmSync(dir, { recursive: true });
});
