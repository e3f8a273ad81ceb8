// execa (ESM): child processes with promises, pipes, errors
import { execa, execaSync } from 'execa';
const r = await execa('node', ['-e', 'console.log("out"); console.error("err")']);
console.log(r.stdout, r.stderr, r.exitCode, r.failed);
console.log(execaSync('echo', ['sync']).stdout);
try { await execa('node', ['-e', 'process.exit(3)']); } catch (e) { console.log(e.exitCode, e.failed, e.shortMessage.split('\n')[0]); }
const piped = await execa('echo', ['a\nb\nc']).pipe('sort', ['-r']);
console.log(JSON.stringify(piped.stdout));
