// chokidar 3: watch a temp dir (fs.watch underneath), add/change/unlink events
const chokidar = require('chokidar');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chok-'));
fs.writeFileSync(path.join(dir, 'pre.txt'), 'x');
const seen = [];
const w = chokidar.watch(dir, { ignoreInitial: false, awaitWriteFinish: false });
w.on('all', (ev, p) => seen.push(`${ev} ${path.relative(dir, p)}`));
w.on('ready', () => {
  seen.push('ready');
  fs.writeFileSync(path.join(dir, 'new.txt'), 'y');
  setTimeout(() => {
    fs.unlinkSync(path.join(dir, 'pre.txt'));
    setTimeout(async () => {
      await w.close();
      console.log(seen.sort());
      fs.rmSync(dir, { recursive: true });
    }, 300);
  }, 300);
});
