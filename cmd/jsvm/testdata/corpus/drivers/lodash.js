const _ = require('lodash');
console.log(_.chunk([1, 2, 3, 4, 5], 2), _.groupBy(['one', 'two', 'three'], 'length'), _.debounce.name, _.template('hi <%= n %>')({ n: 'x' }));
console.log(_.cloneDeep({ a: [{ b: 1 }] }), _.merge({ a: { b: 1 } }, { a: { c: 2 } }), _.uniqBy([{ x: 1 }, { x: 1 }, { x: 2 }], 'x').length, _.camelCase('foo-bar baz'));
