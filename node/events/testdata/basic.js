const EventEmitter = require('events');
const log = (...a) => console.log(a.map(String).join(' '));
const e = new EventEmitter();
log(Object.keys(e).join(','), e._eventsCount, e.getMaxListeners(), EventEmitter.defaultMaxListeners);
e.on('newListener', (n) => log('new', String(n)));
e.on('removeListener', (n) => log('rm', String(n)));
const f = () => log('f called');
e.on('a', f); e.once('a', f);
log(e.listeners('a').length, e.rawListeners('a').length, e.listenerCount('a'), e.eventNames().join(','));
log(e.rawListeners('a')[1].listener === f, e.rawListeners('a')[1].name);
log(e.emit('a', 1), e.emit('a', 2), e.emit('nothing'));
e.off('a', f); e.removeAllListeners(); log(e.eventNames().length);
e.prependListener('p', () => log('second'));
e.prependListener('p', () => log('first'));
e.prependOnceListener('p', () => log('zeroth'));
e.emit('p'); e.emit('p');
try { e.emit('error', new TypeError('boom')); } catch (err) { log(err.message, err instanceof TypeError); }
for (const v of [5, undefined, 'str']) {
  try { e.emit('error', v); } catch (err) { log(err.name, err.code, err.message, err.context); }
}
e.on(EventEmitter.errorMonitor, (x) => log('monitor', x));
try { e.emit('error', 1); } catch (err) { log(err.message); }
e.on('error', (x) => log('handled', x)); log(e.emit('error', 2));
try { e.on('x', 5); } catch (err) { log(err.name, err.code, err.message); }
try { e.setMaxListeners(-1); } catch (err) { log(err.name, err.code, err.message); }
try { e.setMaxListeners('1'); } catch (err) { log(err.name, err.code, err.message); }
try { EventEmitter.defaultMaxListeners = -1; } catch (err) { log(err.name, err.code, err.message); }
log(e.setMaxListeners(3) === e, e.getMaxListeners());
log(EventEmitter.EventEmitter === EventEmitter, typeof EventEmitter.once, String(EventEmitter.errorMonitor), String(EventEmitter.captureRejectionSymbol));
class X extends EventEmitter { constructor() { super(); this.z = 1; } }
const x = new X(); x.on('hi', function (a, b) { log('hi', a, b, this === x); }); x.emit('hi', 1, 2);
log(x instanceof EventEmitter, Object.keys(x).join(','));
function Old() { EventEmitter.call(this); }
Object.setPrototypeOf(Old.prototype, EventEmitter.prototype);
const o = new Old(); o.once('q', (v) => log('old', v)); o.emit('q', 7); o.emit('q', 8);
log(EventEmitter.listenerCount(o, 'q'));
EventEmitter.once(e, 'w').then((v) => log('once resolved', v.join('|')));
e.emit('w', 1, 2);
const e2 = new EventEmitter();
EventEmitter.once(e2, 'w').catch((v) => log('once rejected', v.message));
e2.emit('error', new Error('bad'));
log(Object.getOwnPropertyNames(EventEmitter.prototype).join(','));
const e3 = new EventEmitter();
const g = () => {}; e3.on('r', g); e3.on('r', g); e3.on('r', () => {});
e3.removeListener('r', g); log(e3.listenerCount('r'), typeof e3._events.r);
e3.removeAllListeners('r'); log(e3.listenerCount('r'), e3.eventNames().length);
const e4 = new EventEmitter();
for (const v of [{a: 1}, [1, 'x'], null]) {
  try { e4.emit('error', v); } catch (err) { log(err.message); }
}
