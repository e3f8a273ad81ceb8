const R = require('ramda');
console.log(R.pipe(R.map(R.multiply(2)), R.filter((x) => x > 2), R.sum)([1, 2, 3]), R.groupBy(R.prop('t'), [{ t: 'a' }, { t: 'b' }, { t: 'a' }]).a.length, R.curry((a, b, c) => a + b + c)(1)(2)(3));
