const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, Stream } = require('stream');
const sp = require('stream/promises');
const log = (...a) => console.log(...a);
const step = [];
function t1(next) {
  const r = new Readable({ read() {} });
  r.on('data', (c) => log('t1 data', String(c)));
  r.on('end', () => { log('t1 end'); next(); });
  r.on('close', () => log('t1 close'));
  r.push('x'); r.push('y'); r.push(null);
  log('t1 sync done', r.readableLength, r.readableFlowing);
}
function t2(next) {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  r.push(Buffer.from([0xe2, 0x82])); r.push(Buffer.from([0xac, 0x41])); r.push(null);
  r.on('readable', () => { let c; while ((c = r.read()) !== null) log('t2 read', JSON.stringify(c)); });
  r.on('end', () => { log('t2 end'); next(); });
}
function t3(next) {
  const chunks = [];
  const w = new Writable({ highWaterMark: 3, write(c, e, cb) { chunks.push(String(c)); setTimeout(cb, 1); } });
  log('t3 write', w.write('ab'), w.write('cd'), w.writableLength, w.writableNeedDrain);
  w.on('drain', () => log('t3 drain'));
  w.on('finish', () => log('t3 finish', chunks));
  w.on('close', () => { log('t3 close'); next(); });
  w.end('ef', () => log('t3 end cb'));
  log('t3 after end', w.writableEnded, w.writableFinished);
}
function t4(next) {
  const w = new Writable({ write(c, e, cb) { cb(new Error('bad write')); } });
  w.on('error', (e) => log('t4 error', e.message, w.destroyed));
  w.on('close', () => { log('t4 close', w.errored && w.errored.message); next(); });
  w.write('a', (err) => log('t4 write cb', err && err.message));
}
function t5(next) {
  const r = new Readable({ objectMode: true, read() {} });
  [1, 2, 3].forEach((x) => r.push({ x }));
  r.push(null);
  r.toArray().then((a) => { log('t5 toArray', JSON.stringify(a)); next(); });
}
function t6(next) {
  const r = Readable.from((function* () { yield 'a'; yield 'b'; })());
  const it = r[Symbol.asyncIterator]();
  const got = [];
  const pull = () => it.next().then((res) => { if (res.done) { log('t6 iter', got, r.destroyed); next(); } else { got.push(res.value); pull(); } });
  pull();
}
function t7(next) {
  const p = new PassThrough();
  const out = [];
  p.on('data', (c) => out.push(String(c)));
  p.on('end', () => { log('t7 passthrough', out); next(); });
  p.write('1'); p.write('2'); p.end('3');
}
function t8(next) {
  const r = new Readable({ read() { this.destroy(new Error('boom')); } });
  const w = new PassThrough();
  pipeline(r, w, (err) => { log('t8 pipeline err', err && err.message, r.destroyed, w.destroyed); next(); });
}
function t9(next) {
  const r = new Readable({ read() {} });
  finished(r, (err) => { log('t9 finished', err && err.code); next(); });
  r.destroy();
}
function t10(next) {
  const d = new Duplex({
    read() { this.push('from duplex'); this.push(null); },
    write(c, e, cb) { log('t10 got', String(c)); cb(); },
  });
  d.on('data', (c) => log('t10 data', String(c)));
  d.on('finish', () => log('t10 finish'));
  d.on('end', () => log('t10 end'));
  d.on('close', () => { log('t10 close'); next(); });
  d.end('to duplex');
}
function t11(next) {
  const up = new Transform({
    transform(c, e, cb) { cb(null, String(c).toUpperCase()); },
    flush(cb) { this.push('!'); cb(); },
  });
  sp.pipeline(Readable.from(['x', 'y']), up, async function (src) {
    const parts = [];
    const it = src[Symbol.asyncIterator]();
    for (let r = await it.next(); !r.done; r = await it.next()) parts.push(String(r.value));
    return parts.join('');
  }).then((v) => { log('t11 promises pipeline', v); next(); }, (e) => { log('t11 err', e); next(); });
}
function t12(next) {
  function Old(opts) { Readable.call(this, opts); }
  require('util').inherits(Old, Readable);
  Old.prototype._read = function () { this.push('old'); this.push(null); };
  const o = new Old();
  o.on('data', (c) => log('t12 old style', String(c), o instanceof Readable, o instanceof Stream));
  o.on('end', next);
}
function t13(next) {
  const r = new Readable({ read() {} });
  r.pause();
  r.push('a');
  log('t13 paused', r.isPaused(), r.read(0), r.readableLength);
  r.on('data', (c) => log('t13 data', String(c)));
  r.resume();
  r.push(null);
  r.on('end', () => { log('t13 end'); next(); });
}
function t14(next) {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.write('late', (err) => log('t14 write after end cb', err.code));
  w.on('error', (e) => { log('t14 error', e.code, e.message); });
  w.on('close', () => { log('t14 close'); next(); });
}
function t15(next) {
  const chunks = [];
  const w = new Writable({ writev(cs, cb) { chunks.push(cs.map((c) => String(c.chunk))); cb(); } });
  w.cork(); w.write('a'); w.write('b'); w.uncork(); w.end('c');
  w.on('finish', () => { log('t15 writev', JSON.stringify(chunks)); next(); });
}
function t16(next) {
  const r = new Readable();
  r.on('error', (e) => { log('t16 error', e.code, e.message); next(); });
  r.read();
}
function t17(next) {
  const r = new Readable({ read() {} });
  r.push('abc'); r.push('def'); r.push(null);
  log('t17 read(2)', String(r.read(2)), String(r.read(3)), String(r.read(10)), r.read());
  r.on('end', () => { log('t17 end'); next(); });
  r.read();
}
const tests = [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17];
let i = 0;
const run = () => { if (i < tests.length) tests[i++](() => setTimeout(run, 5)); else log('all done'); };
run();
