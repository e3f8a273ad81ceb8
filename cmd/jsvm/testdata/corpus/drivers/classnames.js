const cn = require('classnames');
console.log(cn('a', { b: true, c: false }, ['d', { e: 1 }], null, 0, 'f'));
