const cp = require('child_process');
const c = cp.spawn('sh', ['-c', 'echo hi; echo err >&2; exit 3']);
const ev = [];
c.stdout.on('data', (d) => ev.push('out ' + Buffer.isBuffer(d) + ' ' + JSON.stringify(d.toString())));
c.stdout.on('end', () => ev.push('out end'));
c.stderr.setEncoding('utf8');
c.stderr.on('data', (d) => ev.push('err ' + typeof d + ' ' + JSON.stringify(d)));
c.stderr.on('end', () => ev.push('err end'));
c.on('exit', (code, sig) => ev.push('exit ' + code + ' ' + sig));
c.on('close', (code, sig) => {
  ev.push('close ' + code + ' ' + sig);
  // Stream and exit events may interleave; close is always last.
  console.log(ev.filter((e) => e.startsWith('out')).join(' | '));
  console.log(ev.filter((e) => e.startsWith('err')).join(' | '));
  console.log(ev.filter((e) => e.startsWith('exit')).join(), ev[ev.length - 1], ev.length, typeof c.pid, c.exitCode);
  next();
});

function next() {
  const cat = cp.spawn('cat');
  let out = '';
  cat.stdout.on('data', (d) => { out += d; });
  cat.on('close', (code) => {
    console.log('cat', code, JSON.stringify(out));
    const k = cp.spawn('sleep', ['10']);
    k.on('exit', (code, sig) => console.log('killed exit', code, sig, k.killed));
    k.on('close', (code, sig) => { console.log('killed close', code, sig); more(); });
    console.log('kill', k.kill());
  });
  cat.stdin.write('one ');
  cat.stdin.end('two');
}

function more() {
  const d = cp.spawn('nonexistent-cmd-xyz', ['q']);
  d.on('error', (e) => console.log('error', e.message, e.code, e.errno, e.syscall, e.path, JSON.stringify(e.spawnargs)));
  d.on('exit', () => console.log('no exit'));
  d.on('close', (code, sig) => {
    console.log('close', code, sig, d.pid);
    cp.exec('echo a; echo b >&2; exit 4', (e, o, s) => {
      console.log('exec', e.message.replace(/\n/g, '\\n'), e.code, e.killed, e.signal, e.cmd, JSON.stringify(o), JSON.stringify(s));
      cp.execFile('sh', ['-c', 'echo fine'], (e, o, s) => {
        console.log('execFile', e, JSON.stringify(o), JSON.stringify(s));
        cp.execFile('sleep', ['10'], { timeout: 50 }, (e) => {
          console.log('timeout', e.killed, e.signal, e.code, e.message.replace(/\n/g, '\\n'));
        });
      });
    });
  });
}
