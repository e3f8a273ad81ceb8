// winston: loggers, formats, levels, a custom stream transport
const winston = require('winston');
const { Writable } = require('stream');
const lines = [];
const sink = new Writable({ write(chunk, enc, cb) { lines.push(chunk.toString().trim()); cb(); } });
const logger = winston.createLogger({
  level: 'debug',
  format: winston.format.combine(winston.format.label({ label: 'app' }), winston.format.splat(), winston.format.json()),
  defaultMeta: { service: 'svc' },
  transports: [new winston.transports.Stream({ stream: sink })],
});
logger.info('hello %s', 'world', { extra: 1 });
logger.debug('dbg');
logger.silly('hidden');
logger.error(new Error('bad thing'));
logger.child({ req: 7 }).warn('child');
const fmt = winston.format.printf(({ level, message }) => `${level}: ${message}`);
console.log(fmt.transform({ level: 'info', message: 'x', [Symbol.for('level')]: 'info' })[Symbol.for('message')]);
setImmediate(() => console.log(lines));
