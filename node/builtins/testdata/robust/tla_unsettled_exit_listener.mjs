process.on('exit', c => console.log('exit listener', c, process.exitCode));
await new Promise(() => {});
