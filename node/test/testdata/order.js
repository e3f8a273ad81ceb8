const test = require('node:test');
test('x', async (t) => { console.log('in x'); await null; console.log('x after await'); t.diagnostic('hello diag'); });
test('y', (t) => { console.log('in y'); });
test('z', (t, done) => { setTimeout(() => { console.log('z done'); done(); }, 50); });
console.log('main');
