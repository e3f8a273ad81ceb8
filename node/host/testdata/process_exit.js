const log = s => process.stdout.write(s + '\n');
process.on('exit', (c) => log('exit ' + c));
setTimeout(() => log('never'), 0);
Promise.resolve().then(() => log('never promise'));
process.nextTick(() => log('never tick'));
try { process.exit(5); } finally { log('never finally'); }
log('never after');
