// core-js: the polyfill library installing itself over the engine's builtins
require('core-js/actual');
console.log([1, [2, [3, [4]]]].flat(Infinity), Object.groupBy([1, 2, 3, 4], (x) => (x % 2 ? 'odd' : 'even')), [3, 1, 2].toSorted());
console.log(new Set([1, 2, 3]).union(new Set([3, 4])).size, Array.from({ length: 3 }, (_, i) => i * 2), 'abc'.at(-1), structuredClone({ a: [1] }));
console.log(Promise.withResolvers !== undefined, typeof Iterator, [1, 2, 3].findLast((x) => x < 3), Object.hasOwn({ a: 1 }, 'a'), 'a-b-c'.replaceAll('-', '+'));
