process.on('uncaughtException', (e) => { console.log('handler', e); throw new Error('from handler') });
await null; throw 1
