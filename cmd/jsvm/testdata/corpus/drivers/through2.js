// through2, split2 and concat-stream: object-mode pipelines
const through2 = require('through2');
const split2 = require('split2');
const concat = require('concat-stream');
const { Readable, pipeline } = require('stream');
const lines = Readable.from(['a,1\nb,', '2\nc,3\n', 'd,4']);
pipeline(lines, split2((l) => l.split(',')), through2.obj(function (row, enc, cb) { if (row[0] !== 'c') this.push({ k: row[0], v: Number(row[1]) * 10 }); cb(); }),
  through2.obj((o, e, cb) => cb(null, JSON.stringify(o) + ';')), concat((buf) => {
    console.log('concat', String(buf));
  }), (err) => { if (err) console.log('pipeline error', err.message); });
