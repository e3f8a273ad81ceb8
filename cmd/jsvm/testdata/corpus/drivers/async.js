const async = require('async');
async.mapLimit([3, 1, 2], 2, (x, cb) => setTimeout(() => cb(null, x * 2), x * 5), (err, r) => {
  console.log('mapLimit', err, r);
  async.series([(cb) => cb(null, 'a'), (cb) => setImmediate(cb, null, 'b')], (err, r) => console.log('series', err, r));
  async.waterfall([(cb) => cb(null, 1), (x, cb) => cb(null, x + 1)], (err, r) => console.log('waterfall', err, r));
});
