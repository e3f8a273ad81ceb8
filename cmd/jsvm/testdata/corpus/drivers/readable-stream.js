// readable-stream v4: the userland streams (Readable/Transform/pipeline/finished)
const { Readable, Transform, Writable, pipeline, finished } = require('readable-stream');
const up = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
const got = [];
const w = new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } });
pipeline(Readable.from(['a', 'b', 'c']), up, w, (err) => {
  console.log('pipeline', err, got);
  const r = new Readable({ read() {} });
  finished(r, (e) => console.log('finished', e && e.code));
  r.push('x'); r.destroy(new Error('boom'));
  r.on('error', (e) => console.log('error', e.message));
});
(async () => { const out = []; for await (const c of Readable.from([1, 2, 3]).map((x) => x * 2)) out.push(c); console.log('map', out); })();
