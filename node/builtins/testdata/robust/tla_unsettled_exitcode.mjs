process.exitCode = 4;
await new Promise(() => {});
