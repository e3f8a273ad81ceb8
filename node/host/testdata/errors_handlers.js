const log = s => process.stdout.write(s + '\n');
process.on('uncaughtException', (e, origin) => log('caught ' + e.message + ' ' + origin));
process.on('unhandledRejection', (r, p) => log('unhandled ' + r + ' ' + (p instanceof Promise)));
setTimeout(() => { log('timer still runs'); }, 1);
Promise.reject(7);
const p = Promise.reject(8); p.catch(() => log('handled 8'));
setTimeout(() => { throw new Error('in timer'); }, 2);
throw new Error('top');
