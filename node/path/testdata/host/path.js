const path = require('path');
const samples = ['', '.', '..', '/', '//', '///', 'a', 'a/', '/a', '/a/', 'a/b', 'a//b', 'a/./b', 'a/../b', '../a', '../../a/b',
  '/a/b/../../..', 'a/b/c/..', './a', 'a/.', '.a', '.a.b', 'a.', 'a..', 'file.txt', '/dir/file.tar.gz', 'dir/.hidden',
  '..a', 'a/b/', '/a//b//', 'C:\\', 'C:', 'C:foo', 'C:\\foo\\bar', 'c:/foo/../bar', '\\\\server\\share\\x', '\\\\server\\share',
  '\\\\?\\C:\\x', '\\foo', 'foo\\bar', 'foo/bar\\baz', '\\\\.\\pipe\\x', '//server/share/x', 'C:\\foo\\', 'a\\..\\..\\b'];
for (const flavour of ['posix', 'win32']) {
  const p = path[flavour];
  console.log('== ' + flavour, p.sep, p.delimiter, p.posix === path.posix, p.win32 === path.win32);
  for (const s of samples) {
    console.log(JSON.stringify(s), JSON.stringify([p.normalize(s), p.isAbsolute(s), p.dirname(s), p.basename(s), p.extname(s),
      p.basename(s, '.txt'), p.basename(s, 'a'), p.parse(s), p.format(p.parse(s))]));
  }
  for (const a of samples.slice(0, 24)) for (const b of ['', 'x', '../y', '/z', 'C:\\w', 'a/b']) {
    console.log(JSON.stringify([a, b]), JSON.stringify([p.join(a, b), p.relative(p.resolve('/r', a), p.resolve('/r', b)), p.resolve('/base', a, b)]));
  }
}
console.log(path.join(), path.resolve() === process.cwd(), path.relative('', '') , path.win32.relative('C:\\a\\b', 'C:\\a\\c'), path.win32.relative('C:\\a', 'D:\\b'));
console.log(path.format({ dir: '/x', name: 'f', ext: 'js' }), path.format({ root: '/', base: 'b' }), path.format({ name: 'n', ext: '.e' }));
console.log(path.win32.toNamespacedPath('C:\\a'), path.win32.toNamespacedPath('\\\\s\\h\\x'), path.posix.toNamespacedPath('/a'));
for (const bad of [1, null, undefined, {}]) {
  for (const fn of ['join', 'normalize', 'basename', 'dirname', 'extname', 'resolve', 'relative', 'isAbsolute', 'parse']) {
    try { path[fn](bad); console.log(fn, 'ok'); } catch (e) { console.log(fn, e.name, e.code, e.message); }
  }
}
try { path.format(null) } catch (e) { console.log(e.code, e.message) }
try { path.basename('a', 1) } catch (e) { console.log(e.code, e.message) }
console.log(require('path/posix') === path.posix, require('node:path/win32') === path.win32, require('node:path') === path);
