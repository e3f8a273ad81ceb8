// Go functions used as promise handlers: each must settle the derived promise
const t = setTimeout(() => {}, 1000);
const fns = { clearTimeout, clearInterval, clearImmediate, 'process.chdir': process.chdir.bind(process, '.'), 'process.abort': null };
delete fns['process.abort'];
for (const [k, f] of Object.entries(fns)) {
  Promise.resolve(t).then(f).then(v => console.log(k, 'fulfilled', v), e => console.log(k, 'rejected', e.message));
}
setTimeout(() => {
  process.on('exit', c => console.log('exit', c));
  Promise.resolve(4).then(process.exit).then(() => console.log('not reached'));
}, 1);
