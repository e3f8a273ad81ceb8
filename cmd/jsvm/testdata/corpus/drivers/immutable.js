// immutable: persistent collections, equality, records, seq laziness
const { Map, List, Set, Record, Seq, fromJS, is } = require('immutable');
const m1 = Map({ a: 1, b: 2 });
const m2 = m1.set('b', 50).update('a', (v) => v + 1);
console.log(m1.toJS(), m2.toJS(), m1.equals(Map({ b: 2, a: 1 })), is(List([1]), List([1])));
const l = List([1, 2, 3]).push(4).map((x) => x * 2).filter((x) => x > 2);
console.log(l.toArray(), l.size, String(l), Set([1, 1, 2]).union([3]).toJS());
const P = Record({ x: 0, y: 0 }, 'Point');
const p = new P({ x: 1 });
console.log(p.x, p.y, p.set('y', 5).toJS(), String(p));
console.log(fromJS({ a: [1, { b: 2 }] }).getIn(['a', 1, 'b']), Seq([1, 2, 3, 4]).map((x) => x * x).take(2).toArray());
