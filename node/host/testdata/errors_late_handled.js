// A rejection reported as unhandled that gets a handler later: Node emits
// 'rejectionHandled' with the promise, or a PromiseRejectionHandledWarning
// when nothing listens; a rejection handled before processing is silent.
const log = s => process.stdout.write(s + '\n');
process.on('unhandledRejection', (r, p) => log('unhandled ' + r + ' ' + (p instanceof Promise)));
const onHandled = p => log('rejectionHandled ' + (p === p1));
process.on('rejectionHandled', onHandled);
const p1 = Promise.reject(1);
const p2 = Promise.reject(2);
const p3 = Promise.reject(3); p3.catch(() => log('caught 3 at once'));
setTimeout(() => { p1.catch(() => log('late catch 1')); }, 2);
setTimeout(() => {
  process.removeListener('rejectionHandled', onHandled);
  p2.then(null, () => log('late catch 2'));
}, 10);
setTimeout(() => log('end'), 20);
