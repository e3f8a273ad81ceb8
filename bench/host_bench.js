// Node's builtins as the host gives them, measured from JavaScript: the
// same file runs under node and under jsvm (compare.sh runs both and
// prints the ratios). Each figure is the median ns per call of several
// timed rounds of about 100 ms (wall clock) and, as name.cpu, the
// process's CPU time per call (process.cpuUsage), which a machine shared
// with other jobs distorts less. BENCH_ROUNDS sets the rounds (default 5);
// BENCH_FILTER, a regular expression, picks the measurements.
'use strict';
const path = require('path');
const events = require('events');
const url = require('url');
const util = require('util');
const querystring = require('querystring');

const rounds = Number(process.env.BENCH_ROUNDS || 5);
const filter = process.env.BENCH_FILTER ? new RegExp(process.env.BENCH_FILTER) : null;

function now() { return Number(process.hrtime.bigint()); }

function cpuNow() { const u = process.cpuUsage(); return (u.user + u.system) * 1000; }

let sink;

function time(fn) {
  let n = 1;
  for (;;) { // calibrate
    const s = now();
    for (let i = 0; i < n; i++) sink = fn(i);
    const d = now() - s;
    if (d > 20e6) { n = Math.max(1, Math.round(n * 100e6 / d)); break; }
    n *= 4;
  }
  const per = [], cpu = [];
  for (let r = 0; r < rounds; r++) {
    const c = cpuNow(), s = now();
    for (let i = 0; i < n; i++) sink = fn(i);
    per.push((now() - s) / n);
    cpu.push((cpuNow() - c) / n);
  }
  per.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  time.cpu = cpu[cpu.length >> 1];
  return per[per.length >> 1];
}

function report(name, value, unit) {
  console.log(name, value < 10 ? value.toFixed(3) : value.toFixed(0), unit);
}

function timed(name, fn) {
  if (filter && !filter.test(name)) return;
  report(name, time(fn), 'ns/op');
  report(name + '.cpu', time.cpu, 'cpu-ns/op');
}

// path
timed('path.join', () => path.join('a', 'b', 'c'));
timed('path.join.dots', () => path.join('/foo', 'bar', 'baz/asdf', 'quux', '..'));
timed('path.resolve', () => path.resolve('/foo/bar', './baz'));
timed('path.basename', () => path.basename('/foo/bar/baz/asdf/quux.html', '.html'));
timed('path.extname', () => path.extname('/foo/bar/index.coffee.md'));
timed('path.dirname', () => path.dirname('/foo/bar/baz/asdf/quux'));
timed('path.normalize', () => path.normalize('/foo/bar//baz/asdf/quux/..'));
timed('path.relative', () => path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'));
timed('path.parse', () => path.parse('/home/user/dir/file.txt'));

// Buffer
const small = Buffer.from('hello world, this is a buffer of some length!');
const kb = Buffer.alloc(1024, 'abcdefghij');
const hex = small.toString('hex');
const b64 = small.toString('base64');
timed('Buffer.from.utf8', () => Buffer.from('hello world, this is a buffer of some length!'));
timed('Buffer.from.hex', () => Buffer.from(hex, 'hex'));
timed('Buffer.from.base64', () => Buffer.from(b64, 'base64'));
timed('Buffer.from.array', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
timed('Buffer.alloc', () => Buffer.alloc(64));
timed('Buffer.allocUnsafe', () => Buffer.allocUnsafe(64));
timed('buf.toString.utf8', () => small.toString());
timed('buf.toString.hex', () => small.toString('hex'));
timed('buf.toString.base64', () => small.toString('base64'));
timed('buf.toString.utf8.1k', () => kb.toString('utf8'));
timed('buf.toString.hex.1k', () => kb.toString('hex'));
timed('buf.readUInt32LE', (i) => kb.readUInt32LE(i & 1015));
timed('buf.writeUInt32LE', (i) => kb.writeUInt32LE(i, i & 1015));
timed('buf.readDoubleLE', (i) => kb.readDoubleLE(i & 1015));
timed('buf.write', () => kb.write('hello', 10));
timed('buf.slice', () => kb.slice(10, 20));
timed('buf.equals', () => small.equals(small));
timed('Buffer.concat', () => Buffer.concat([small, small]));
timed('Buffer.byteLength', () => Buffer.byteLength('hello world, this is a string'));

// events
function listeners(k) {
  const e = new events.EventEmitter();
  let n = 0;
  for (let i = 0; i < k; i++) e.on('x', (a) => { n += a; });
  return e;
}
const e1 = listeners(1), e2 = listeners(2), e3 = listeners(3);
timed('emit.1', () => e1.emit('x', 1));
timed('emit.2', () => e2.emit('x', 1));
timed('emit.3', () => e3.emit('x', 1));
timed('emit.none', () => e1.emit('y', 1));
timed('on+removeListener', () => { const f = () => {}; e1.on('z', f); e1.removeListener('z', f); });
timed('new.EventEmitter', () => new events.EventEmitter());

// url
const href = 'https://user:pw@example.com:8080/a/b/c?x=1&y=2#frag';
timed('url.parse', () => url.parse(href));
timed('new.URL', () => new URL(href));
timed('URL.href', () => new URL('/p?q=1', 'https://example.com/').href);
timed('URLSearchParams', () => new URLSearchParams('a=1&b=2&c=3').get('b'));

// util
timed('util.format', () => util.format('%s=%d %j', 'x', 42, { a: 1 }));
timed('util.format.plain', () => util.format('a', 'b', 1));
timed('util.inspect', () => util.inspect({ a: 1, b: 'two', c: [1, 2, 3], d: { e: null } }));

// querystring
timed('querystring.parse', () => querystring.parse('a=1&b=2&c=hello%20world&d=4'));
timed('querystring.stringify', () => querystring.stringify({ a: 1, b: 'two', c: ['x', 'y'], d: 'hello world' }));
timed('querystring.escape', () => querystring.escape('hello world/ünïcode?&='));
