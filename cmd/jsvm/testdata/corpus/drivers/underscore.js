const _ = require('underscore');
console.log(_.map([1, 2, 3], (x) => x * 3), _.template('<%- a %>!')({ a: '<x>' }), _.uniq([1, 1, 2]), _.chain([3, 1, 2]).sortBy().first().value());
