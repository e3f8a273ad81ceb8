'use strict';
// The workload of the tampered_*.js scripts: each of them replaces some
// intrinsic methods before it requires this file, which then requires and
// uses the builtins (events, stream, buffer, util, console.log, url, path,
// fs/promises, timers). Node's builtins use primordials and keep working;
// what a step still shows of the tampering (a hijacked thenable, a user
// array's broken iterator) is the same as in node. The harness itself
// calls no prototype method a script might replace: no .call/.apply/.bind,
// no array methods, no for-of over arrays, no spread, no .then.
// __tamperSaved, made before the tampering: log(line), stringify (JSON's),
// skip (the steps that break in node too, by name: not run).
const saved = globalThis.__tamperSaved;
const log = saved.log;
const stringify = saved.stringify;
const steps = [];
function step(name, fn) { steps[steps.length] = [name, fn]; }
function skipped(name) {
  for (let i = 0; i < saved.skip.length; i++) if (saved.skip[i] === name) return true;
  return false;
}
function show(v) {
  if (typeof v === 'string') return stringify(v);
  return String(v);
}

step('events', () => {
  const EventEmitter = require('events');
  const e = new EventEmitter();
  let out = '';
  e.on('x', (a, b) => { out += 'on:' + a + b + ';'; });
  e.once('x', (a) => { out += 'once:' + a + ';'; });
  e.prependListener('x', () => { out += 'pre;'; });
  e.emit('x', 1, 2);
  e.emit('x', 3, 4);
  const f = () => { out += 'never;'; };
  e.on('y', f);
  e.removeListener('y', f);
  e.emit('y');
  out += 'count:' + e.listenerCount('x') + ';names:' + e.eventNames().length + ';';
  try { e.emit('error', new Error('boom')); } catch (err) { out += 'error:' + err.message; }
  return out;
});
step('events.once', async () => {
  const { once, EventEmitter } = require('events');
  const e = new EventEmitter();
  setTimeout(() => e.emit('go', 'a', 'b'), 1);
  const args = await once(e, 'go');
  return args.length + ':' + args[0] + args[1];
});
step('stream', async () => {
  const { Readable, Writable, Transform, pipeline } = require('stream');
  let got = '';
  await new Promise((resolve, reject) => {
    const src = new Readable({ read() {} });
    src.push('ab'); src.push('cd'); src.push(null);
    const up = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString() + '!'); } });
    const sink = new Writable({ write(chunk, enc, cb) { got += chunk.toString() + ','; cb(); } });
    pipeline(src, up, sink, (err) => (err ? reject(err) : resolve()));
  });
  return got;
});
step('stream.from', async () => {
  const { Readable, Writable } = require('stream');
  let got = '';
  await new Promise((resolve, reject) => {
    const sink = new Writable({ objectMode: true, write(chunk, enc, cb) { got += chunk + ','; cb(); } });
    sink.on('finish', resolve);
    sink.on('error', reject);
    Readable.from(['x', 'y', 'z']).pipe(sink);
  });
  return got;
});
step('stream.read', () => {
  const { Readable } = require('stream');
  const r = new Readable({ read() {} });
  r.push('hello '); r.push('world'); r.push(null);
  let s = '';
  let c;
  while ((c = r.read()) !== null) s += c.toString();
  return s;
});
step('buffer', () => {
  const { Buffer } = require('buffer');
  const b = Buffer.from('hello world');
  const c = Buffer.concat([b, Buffer.from([33, 34]), Buffer.alloc(2, 'z')]);
  const w = Buffer.alloc(8);
  w.writeUInt32LE(0xdeadbeef, 0);
  w.write('hi', 4);
  return c.toString('hex') + ' ' + c.toString('base64') + ' ' + c.slice(0, 5).toString() + ' ' +
    w.readUInt32LE(0).toString(16) + ' ' + Buffer.compare(b, c) + ' ' + b.equals(Buffer.from('hello world')) +
    ' ' + Buffer.byteLength('héllo') + ' ' + stringify(Buffer.from('ab')) + ' ' + b.indexOf('o') +
    ' ' + Buffer.from('aGk=', 'base64').toString() + ' ' + b.subarray(6).toString('latin1');
});
step('util.inspect', () => {
  const util = require('util');
  return util.inspect({ a: [1, 2, { b: 'c' }], m: new Map([[1, 'one']]), s: new Set(['x']), f() {}, n: null, d: new Date(0) }) +
    ' ' + util.inspect('str') + ' ' + util.inspect([1, [2, [3, [4]]]], { depth: 0 });
});
step('util.format', () => {
  const util = require('util');
  return util.format('%s=%d %j %o %%', 'a', 42, { b: [1] }, [1]) + ' ' + util.format('x', 1, 'y') +
    ' ' + util.isDeepStrictEqual({ a: [1] }, { a: [1] }) + ' ' + typeof util.promisify(setTimeout);
});
step('console.log', () => {
  const chunks = [];
  const { Console } = require('console');
  const { Writable } = require('stream');
  const out = new Writable({ write(c, e, cb) { chunks[chunks.length] = c.toString(); cb(); } });
  const con = new Console({ stdout: out, stderr: out });
  con.log('x %s', 'y', { a: [1, 2] }, [3, 4]);
  con.error(new Map([['k', 'v']]));
  console.log('console.log', [1, 'two'], { three: 3 });
  let s = '';
  for (let i = 0; i < chunks.length; i++) s += chunks[i];
  return s;
});
step('url', () => {
  const url = require('url');
  const u = new URL('https://user:pw@example.com:8080/a/b?x=1&y=2#frag');
  u.searchParams.append('z', '3');
  const sp = new URLSearchParams('a=1&b=2&a=3');
  const p = url.parse('http://h.example/p/q?r=s#t', true);
  return u.href + ' ' + u.searchParams.get('y') + ' ' + sp.getAll('a').length + ' ' + sp.toString() + ' ' +
    p.pathname + ' ' + p.query.r + ' ' + url.format({ protocol: 'http', host: 'x.y', pathname: '/z' }) +
    ' ' + url.resolve('http://a/b/c', '../d') + ' ' + url.fileURLToPath('file:///tmp/a%20b');
});
step('path', () => {
  const path = require('path');
  return path.join('a', 'b', '..', 'c') + ' ' + path.resolve('/x', 'y', '../z') + ' ' + path.relative('/a/b/c', '/a/d') +
    ' ' + path.basename('/p/q.txt', '.txt') + ' ' + path.extname('f.tar.gz') + ' ' + stringify(path.parse('/home/u/f.txt')) +
    ' ' + path.format({ dir: '/d', base: 'b.js' }) + ' ' + path.win32.join('C:\\a', '..', 'b') + ' ' + path.normalize('/a//b/../c/.');
});
step('querystring', () => {
  const qs = require('querystring');
  return qs.stringify({ a: 1, b: ['x', 'y'], c: 'd e' }) + ' ' + stringify(qs.parse('a=1&b=2&b=3&c=%20'));
});
step('fs/promises', async () => {
  const fsp = require('fs/promises');
  const os = require('os');
  const path = require('path');
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tamper-'));
  const f = path.join(dir, 'f.txt');
  await fsp.writeFile(f, 'content');
  await fsp.appendFile(f, '+more');
  const text = await fsp.readFile(f, 'utf8');
  const names = await fsp.readdir(dir);
  await fsp.rm(dir, { recursive: true });
  return text + ' ' + names.length + ' ' + names[0];
});
step('fs/promises.stat', async () => {
  const fsp = require('fs/promises');
  const st = await fsp.stat(__filename);
  return typeof st === 'object' && st !== null ? 'isFile ' + st.isFile() : show(st);
});
step('timers', async () => {
  // what ran, with which arguments (not the order of timers against
  // immediates, which a loaded machine changes)
  const seen = {};
  await new Promise((resolve) => {
    let left = 5;
    const done = (k, v) => { seen[k] = v; if (--left === 0) setTimeout(resolve, 5); };
    setTimeout((a, b) => done('timeout', a + b), 2, 'A', 'B');
    setImmediate((a) => done('immediate', a), 'I');
    process.nextTick((a) => done('tick', a), 'T');
    queueMicrotask(() => done('micro', 'M'));
    let n = 0;
    const iv = setInterval(() => { n++; if (n === 2) { clearInterval(iv); done('interval', n); } }, 1);
    const t = setTimeout(() => { seen.cleared = true; }, 1);
    clearTimeout(t);
  });
  return 'timeout=' + seen.timeout + ' immediate=' + seen.immediate + ' tick=' + seen.tick + ' micro=' + seen.micro +
    ' interval=' + seen.interval + ' cleared=' + seen.cleared;
});
step('timers/promises', async () => {
  const tp = require('timers/promises');
  const v = await tp.setTimeout(1, 'val');
  const w = await tp.setImmediate('imm');
  return v + ' ' + w;
});

async function main() {
  for (let i = 0; i < steps.length; i++) {
    const name = steps[i][0];
    if (skipped(name)) {
      log(name + ': skipped (breaks in node too)');
      continue;
    }
    let r;
    try {
      r = 'ok ' + show(await steps[i][1]());
    } catch (e) {
      r = 'threw ' + (e && e.constructor && e.constructor.name) + ': ' + (e && e.message);
    }
    log(name + ': ' + r);
  }
  log('done');
}
main();
