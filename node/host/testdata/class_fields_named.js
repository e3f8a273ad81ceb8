// class fields named get/set/async load (engine.ClassFieldNames) next to
// real accessors and async methods (a function spanning one shows the quotes in its toString).
const C = require('./kwasi/classfields.js');
const c = new C();
console.log(c.set('a', 1).get('a'), C.async, c.x, JSON.stringify(Object.keys(c)), typeof c.y, typeof c.async);
c.z().then((v) => console.log(v, c.async === undefined));
