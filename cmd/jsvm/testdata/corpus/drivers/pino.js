// pino: JSON logging to a destination stream (sync), child loggers, serializers
const pino = require('pino');
const { Writable } = require('stream');
const lines = [];
const dest = new Writable({ write(c, e, cb) { lines.push(JSON.parse(c)); cb(); } });
const log = pino({ base: { app: 'x' }, timestamp: false, level: 'debug' }, dest);
log.info('hello');
log.debug({ n: 1 }, 'with %s', 'args');
log.child({ req: 7 }).warn('child');
log.error(new Error('boom'));
log.trace('hidden');
setImmediate(() => {
  console.log(lines.map((l) => [l.level, l.msg, l.app, l.req, l.n, l.err && l.err.message]));
  console.log(pino.levels.values.info, log.isLevelEnabled('trace'), typeof pino.stdSerializers.err);
});
