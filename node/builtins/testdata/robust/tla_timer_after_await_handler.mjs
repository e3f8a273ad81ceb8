process.on('uncaughtException', (e, origin) => console.log('handler', e.message, origin));
await null;
setTimeout(() => { throw new Error('timer 1') }, 1);
await new Promise(r => setTimeout(r, 5));
setImmediate(() => { throw new Error('immediate') });
await new Promise(r => setTimeout(r, 5));
queueMicrotask(() => { throw new Error('microtask') });
await new Promise(r => setTimeout(r, 5));
console.log('still running');
