const log = s => process.stdout.write(s + '\n');
log([typeof process.pid, process.platform, process.arch, process.release.name, typeof process.versions.node].join(' '));
log(process.version === 'v' + process.versions.node);
log(Array.isArray(process.argv) + ' ' + process.argv.length);
log(typeof process.hrtime() + ' ' + process.hrtime().length + ' ' + typeof process.hrtime.bigint());
const mu = process.memoryUsage(); log(typeof mu.heapUsed + ' ' + typeof mu.rss + ' ' + typeof process.memoryUsage.rss());
process.env.JSVM_TEST_X = 'abc'; log(process.env.JSVM_TEST_X + ' ' + ('JSVM_TEST_X' in process.env)); delete process.env.JSVM_TEST_X; log(String(process.env.JSVM_TEST_X));
log(process.exitCode + ' ' + typeof process.cwd() + ' ' + typeof process.uptime());
process.on('beforeExit', (c) => { log('beforeExit ' + c); if (!globalThis.again) { globalThis.again = 1; setTimeout(() => log('scheduled from beforeExit'), 1); } });
process.on('exit', (c) => { log('exit ' + c + ' ' + process.exitCode); setTimeout(() => log('never'), 0); });
process.once('foo', (a, b) => log('foo ' + a + b)); log(process.emit('foo', 1, 2) + ' ' + process.emit('foo') + ' ' + process.listenerCount('foo'));
try { process.nextTick(1) } catch (e) { log(e.code + ': ' + e.message) }
try { setTimeout('x') } catch (e) { log(e.code + ': ' + e.message) }
process.exitCode = 3;
