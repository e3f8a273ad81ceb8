// a test runner's capture: patch, log, restore; async interleave
const chunks = [];
const orig = process.stdout.write.bind(process.stdout);
process.stdout.write = (c, ...rest) => { chunks.push(String(c)); return true; };
console.log('a'); console.log({ b: [1, 2] }); console.log('%d%%', 5);
process.stdout.write = orig;
console.log(JSON.stringify(chunks));
// write via prototype swap
const { Writable } = require('stream');
const W = Writable.prototype.write;
let seen = 0;
Writable.prototype.write = function (...a) { seen++; return W.apply(this, a); };
console.log('proto patched');
Writable.prototype.write = W;
console.log('seen', seen);
process.stdout.on('finish', () => process.stderr.write('finish\n'));
// console.log inside a getter of an arg
console.log({ get x() { console.log('inner'); return 1; } });
// stderr capture
const e = []; const oe = process.stderr.write;
process.stderr.write = (c) => { e.push(c); return true; };
console.error(new Error('boom').message); console.warn('w'); console.trace('t');
process.stderr.write = oe;
console.log(e.length, e[0], e[1], e[2].split('\n')[0]);
// a patched write that throws: the global console swallows it
const o2 = process.stdout.write;
process.stdout.write = () => { throw new Error('boom'); };
console.log('lost');
process.stdout.write = o2;
// cork: the line waits for uncork, in order with a direct write
process.stdout.cork();
console.log('corked');
process.stdout.write('direct\n');
process.nextTick(() => { process.stdout.uncork(); console.log('after uncork'); });
