process.on('unhandledRejection', (r, p) => { console.log('unhandled', r); });
await null;
Promise.reject(42);
await new Promise(r => setTimeout(r, 5));
console.log('end');
