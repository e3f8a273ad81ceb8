// The builtins after user code set the language's global classes to a
// number: Node's builtins use primordials, and jsvm's embedded builtins
// see the intrinsics the host was made with.
'use strict';
const write = process.stdout.write.bind(process.stdout);
const log = (s) => write(s + '\n');
const names = ['Object', 'Array', 'Function', 'String', 'Number', 'Boolean', 'Symbol', 'Map', 'Set',
  'WeakMap', 'WeakSet', 'Reflect', 'JSON', 'Math', 'Date', 'RegExp', 'ArrayBuffer', 'DataView',
  'Uint8Array', 'Int32Array', 'Float64Array', 'BigInt', 'Proxy', 'WeakRef', 'parseInt', 'isNaN',
  'encodeURIComponent', 'decodeURIComponent'];
for (const n of names) globalThis[n] = 5;
const ops = [
  ['buffer', () => require('buffer').Buffer.from('hi').toString('hex')],
  ['buffer concat', () => require('buffer').Buffer.concat([require('buffer').Buffer.from('a'), require('buffer').Buffer.from('b')]).toString()],
  ['events', () => { let r; const E = require('events'); const e = new E(); e.once('x', (v) => { r = v; }); e.emit('x', 7); return r; }],
  ['url', () => new (require('url').URL)('http://a/b?c=1').searchParams.get('c')],
  ['url.parse', () => require('url').parse('http://a/b?c=1').pathname],
  ['path', () => require('path').join('a', '..', 'b', 'c.js')],
  ['querystring', () => require('querystring').stringify({ a: 1, b: 'x y' })],
  ['string_decoder', () => new (require('string_decoder').StringDecoder)('utf8').write(require('buffer').Buffer.from('h\u00e9'))],
  ['util.format', () => require('util').format('%s=%d %j', 'a', 1, { b: [1] })],
  ['util.inspect', () => require('util').inspect({ a: [1, { b: 'c' }], m: 'x' })],
  ['crypto', () => require('crypto').createHash('sha256').update('x').digest('hex').slice(0, 16)],
  ['fs error', () => { try { require('fs').readFileSync('/nonexistent/x'); } catch (e) { return e.code + ' ' + e.syscall; } }],
  ['assert', () => { try { require('assert').strictEqual(1, 2); } catch (e) { return e.code; } }],
  ['stream', () => { const { Readable } = require('stream'); const r = new Readable({ read() {} }); r.push('ab'); r.push(null); return r.read().toString(); }],
  ['os', () => typeof require('os').EOL],
];
for (const [name, fn] of ops) {
  let r;
  try { r = 'ok ' + fn(); } catch (e) { r = 'threw ' + e.name + ': ' + e.message; }
  log(name + ': ' + r);
}
setImmediate(() => { log('immediate'); setTimeout(() => log('timer'), 1); });
process.nextTick(() => log('tick'));
Promise.resolve().then(() => log('job'));
(async () => { await null; log('await'); })();
