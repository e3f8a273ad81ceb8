// cross-spawn: spawn with PATH lookup, sync and async
const spawn = require('cross-spawn');
const r = spawn.sync('echo', ['hello', 'world'], { encoding: 'utf8' });
console.log(r.status, JSON.stringify(r.stdout));
const c = spawn('sh', ['-c', 'echo async; exit 2']);
let out = '';
c.stdout.on('data', (d) => { out += d; });
c.on('close', (code) => console.log('close', code, JSON.stringify(out)));
const bad = spawn('definitely-not-a-command-xyz', []);
bad.on('error', (e) => console.log('error', e.code, e.syscall));
