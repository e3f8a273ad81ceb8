// fs.watch (inotify), fs.promises.watch and fs.watchFile (polling):
// events as node reports them, waiting for each before the next change.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsvm-watch-'));
const log = (...a) => console.log(...a);

function until(w, pred) {
  return new Promise((resolve) => {
    const on = (type, name) => { if (pred(type, name)) { w.off('change', on); resolve(); } };
    w.on('change', on);
  });
}

(async () => {
  // a directory: entries created, changed, renamed, removed
  const seen = [];
  const w = fs.watch(dir, (type, name) => seen.push(`${type} ${name}`));
  log('watcher', w instanceof require('events'), typeof w.close, typeof w.ref, w.unref() === w, w.ref() === w);
  let p = until(w, (t, n) => n === 'a.txt');
  fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
  await p;
  p = until(w, (t, n) => n === 'b.txt');
  fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  await p;
  p = until(w, (t, n) => n === 'sub');
  fs.mkdirSync(path.join(dir, 'sub'));
  await p;
  p = until(w, (t, n) => t === 'rename' && n === 'b.txt');
  fs.unlinkSync(path.join(dir, 'b.txt'));
  await p;
  w.close();
  w.close(); // twice is fine
  await new Promise((r) => setTimeout(r, 20));
  log('dir events', [...new Set(seen)].sort());

  // a file: changed, then deleted under the watcher
  const f = path.join(dir, 'f.txt');
  fs.writeFileSync(f, '1');
  const fw = fs.watch(f, { encoding: 'buffer' });
  const fseen = [];
  fw.on('change', (t, n) => fseen.push(`${t} ${Buffer.isBuffer(n)} ${n}`));
  fw.on('close', () => log('file watcher closed'));
  p = until(fw, (t) => t === 'change');
  fs.appendFileSync(f, '2');
  await p;
  p = until(fw, (t) => t === 'rename');
  fs.unlinkSync(f);
  await p;
  fw.close();
  log('file events', [...new Set(fseen)].sort());

  // recursive: a file in a directory made after the watch started
  const rseen = new Set();
  const rw = fs.watch(dir, { recursive: true }, (t, n) => rseen.add(n));
  fs.mkdirSync(path.join(dir, 'sub', 'deep'));
  await new Promise((r) => setTimeout(r, 50));
  p = until(rw, (t, n) => n === path.join('sub', 'deep', 'z.txt'));
  fs.writeFileSync(path.join(dir, 'sub', 'deep', 'z.txt'), 'z');
  await p;
  rw.close();
  log('recursive saw', rseen.has(path.join('sub', 'deep')), rseen.has(path.join('sub', 'deep', 'z.txt')));

  // errors
  for (const fn of [
    () => fs.watch(path.join(dir, 'missing')),
    () => fs.watch(dir, { persistent: 1 }),
    () => fs.watch(dir, { recursive: 'yes' }),
    () => fs.watch(5),
    () => fs.watchFile(path.join(dir, 'x')),
  ]) {
    try { fn(); log('no throw'); } catch (e) {
      log(e.name, e.code, e.message.replace(dir, 'DIR'), e.errno, e.syscall, e.filename && e.filename.replace(dir, 'DIR'));
    }
  }

  // promises.watch with an AbortSignal
  const ac = new AbortController();
  const it = fs.promises.watch(dir, { signal: ac.signal });
  setTimeout(() => fs.writeFileSync(path.join(dir, 'p.txt'), 'p'), 10);
  const names = [];
  try {
    for await (const ev of it) {
      names.push(`${ev.eventType} ${ev.filename}`);
      if (ev.filename === 'p.txt') ac.abort();
    }
  } catch (e) {
    log('promises.watch', e.name, e.code, names.includes('rename p.txt'));
  }

  // watchFile: a file that appears, changes and goes away
  const g = path.join(dir, 'g.txt');
  const events = [];
  await new Promise((resolve) => {
    fs.watchFile(g, { interval: 20 }, function listener(curr, prev) {
      events.push([curr.size, prev.size, curr.isFile(), curr.mtimeMs === 0]);
      if (events.length === 1) fs.writeFileSync(g, 'abc');
      else if (events.length === 2) fs.writeFileSync(g, 'abcdef');
      else if (events.length === 3) fs.unlinkSync(g);
      else { fs.unwatchFile(g, listener); resolve(); }
    });
  });
  log('watchFile', JSON.stringify(events));
  fs.unwatchFile(g); // not watched any more: nothing happens
  fs.rmSync(dir, { recursive: true });
  log('done');
})();
