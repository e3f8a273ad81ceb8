// fast-glob and globby over a temp tree
import fg from 'fast-glob';
import { globby } from 'globby';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-'));
for (const f of ['a.js', 'b.ts', 'src/c.js', 'src/deep/d.js', 'src/deep/e.md', '.hidden.js', 'node_modules/x/y.js']) {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), f);
}
fs.writeFileSync(path.join(dir, '.gitignore'), 'src/deep/e.md\n');
const sort = (a) => a.slice().sort();
console.log(sort(await fg('**/*.js', { cwd: dir })));
console.log(sort(await fg(['**/*.{js,ts}', '!src/**'], { cwd: dir, dot: true })));
console.log(sort(fg.sync('src/**', { cwd: dir, onlyFiles: false, markDirectories: true })));
console.log(sort((await fg('**/*.md', { cwd: dir, stats: true })).map((e) => [e.path, e.stats.size])));
console.log(sort(await globby(['**/*', '!node_modules'], { cwd: dir, gitignore: true })));
console.log(fg.isDynamicPattern('a/*'), fg.escapePath('a(b)*'));
fs.rmSync(dir, { recursive: true });
