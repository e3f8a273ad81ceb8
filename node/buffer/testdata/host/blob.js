const { Blob } = require('buffer');
const b = new Blob(['héllo', new Uint8Array([33]), new Blob(['?'])], {type: 'Text/Plain'});
console.log(b, b.size, b.type);
b.text().then(t => { console.log(t); return b.slice(1, 3).arrayBuffer(); }).then(a => console.log(new Uint8Array(a)));
console.log(b.slice(-2, undefined, 'x/y'));
try { new Blob('x') } catch(e) { console.log(e.name, e.code, e.message) }
try { new Blob([1], 5) } catch(e) { console.log(e.name, e.code, e.message) }
console.log(Object.prototype.toString.call(b), new Blob([1, {}]).size);
console.log(Buffer.from('hi'), [Buffer.alloc(3)], { b: Buffer.from('x') });
