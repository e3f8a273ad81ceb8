// lodash-es: the ESM build (hundreds of modules)
import { chunk, debounce, groupBy, merge, cloneDeep, template, sortBy, uniqBy, get, set, camelCase } from 'lodash-es';
import * as _ from 'lodash-es';
console.log(chunk([1, 2, 3, 4, 5], 2), groupBy(['one', 'two', 'three'], 'length'), sortBy([{ a: 3 }, { a: 1 }], 'a'));
console.log(merge({ a: { b: 1 } }, { a: { c: 2 } }), uniqBy([2.1, 1.2, 2.3], Math.floor), get({ a: [{ b: 5 }] }, 'a[0].b'), set({}, 'x.y', 1));
console.log(template('hi <%= user %>!')({ user: 'bob' }), camelCase('Foo Bar-baz'), _.VERSION, typeof debounce, cloneDeep(new Map([[1, { x: 1 }]])));
const d = debounce((v) => console.log('debounced', v), 10);
d(1); d(2); d(3);
