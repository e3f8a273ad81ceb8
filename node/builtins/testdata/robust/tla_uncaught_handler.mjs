process.on('uncaughtException', (e, origin) => { console.log('caught', e.message, origin); setTimeout(() => console.log('after'), 1) });
await null; throw new Error('x')
