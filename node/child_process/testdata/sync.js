const cp = require('child_process');
const script = 'echo hi; echo err >&2; exit 3';
let r = cp.spawnSync('sh', ['-c', script]);
console.log(Object.keys(r).join(), r.status, r.signal, Buffer.isBuffer(r.stdout), JSON.stringify(r.stdout.toString()), JSON.stringify(r.stderr.toString()), r.output[0], r.output[1] === r.stdout, typeof r.pid);
r = cp.spawnSync('sh', ['-c', script], { encoding: 'utf8' });
console.log(JSON.stringify(r.stdout), JSON.stringify(r.stderr));
r = cp.spawnSync('cat', [], { input: 'fed in' });
console.log(r.status, r.stdout.toString());
r = cp.spawnSync('sh', ['-c', 'echo $FOO; pwd'], { env: { FOO: 'bar', PATH: process.env.PATH }, cwd: '/', encoding: 'utf8' });
console.log(JSON.stringify(r.stdout));
r = cp.spawnSync('sh', ['-c', 'kill -9 $$']);
console.log(r.status, r.signal);
r = cp.spawnSync('nonexistent-cmd-xyz', ['a']);
console.log(Object.keys(r).join(), r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path, JSON.stringify(r.error.spawnargs), r.status, r.output, r.pid);
r = cp.spawnSync('sh', ['-c', 'sleep 5'], { timeout: 50 });
console.log(r.status, r.signal, r.error.code, r.error.message);
console.log(cp.execFileSync('sh', ['-c', 'echo ok']).toString().trim(), cp.execSync('echo shell', { encoding: 'utf8' }));
try {
  cp.execSync('echo x; echo y >&2; exit 2', { stdio: 'pipe' });
} catch (e) {
  console.log(Object.keys(e).join(), JSON.stringify(e.message), e.status, e.stdout.toString());
}
try {
  cp.execFileSync('sh', ['-c', 'exit 2']);
} catch (e) {
  console.log(JSON.stringify(e.message), e.status);
}
try { cp.spawnSync(1); } catch (e) { console.log(e.code, e.message); }
