// eventemitter3: on/once/off, context, listener counts
const EventEmitter = require('eventemitter3');
const e = new EventEmitter();
const ctx = { n: 'ctx' };
e.on('a', function (x) { console.log('a', x, this.n); }, ctx);
e.once('a', (x) => console.log('once', x));
console.log(e.emit('a', 1), e.emit('a', 2), e.emit('none'));
console.log(e.listenerCount('a'), e.eventNames(), e.listeners('a').length);
e.removeAllListeners('a');
console.log(e.listenerCount('a'), typeof EventEmitter.prefixed);
