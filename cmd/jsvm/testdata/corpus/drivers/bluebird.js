const P = require('bluebird');
P.map([1, 2, 3], (x) => P.delay(10 - x * 3).then(() => x * x), { concurrency: 2 }).then((r) => console.log('map', r));
P.props({ a: P.resolve(1), b: 2 }).then((r) => console.log('props', r));
P.promisify((a, cb) => cb(null, a + 1))(1).then((r) => console.log('promisify', r));
P.reject(new Error('x')).catch((e) => console.log('caught', e.message));
