// seeded random paths over a small alphabet, every function of both flavours
const oldCwd = process.cwd(); process.chdir("/tmp"); // fixed cwd: resolve and relative depend on it
const path = require('path');
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const parts = ['a', 'b', '.', '..', '/', '\\', 'C:', 'c:', '.x', 'y.z', '', ':', '//', '\\\\', '?', 'e.', 'srv'];
const gen = () => { let s = ''; const n = rnd(6); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; };
const out = [];
for (let i = 0; i < 1500; i++) {
  const a = gen(), b = gen();
  for (const f of ['posix', 'win32']) {
    const p = path[f];
    out.push(JSON.stringify([f, a, b, p.normalize(a), p.join(a, b), p.resolve('/r', a, b), p.relative(a, b), p.dirname(a), p.basename(a),
      p.basename(a, b), p.extname(a), p.parse(a), p.isAbsolute(a), p.toNamespacedPath(a)]));
  }
}
const cwd = process.cwd(), wcwd = cwd.replace(/\//g, '\\');
const norm = (l) => l.split(JSON.stringify(wcwd).slice(1, -1)).join('<CWD>').split(cwd).join('<CWD>');
for (let i = 0; i < out.length; i++) out[i] = norm(out[i]);
let h = 0; const text = out.join('\n');
for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
console.log(out.length, h);
console.log(out.slice(0, 40).join('\n'));
process.chdir(oldCwd);
