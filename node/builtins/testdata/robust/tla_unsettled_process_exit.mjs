setTimeout(() => process.exit(), 5);
await new Promise(() => {});
