// micromatch: list matching, not, braces, capture
const mm = require('micromatch');
const list = ['a.js', 'b.md', 'src/c.js', 'src/d.ts', 'test/e.spec.js'];
console.log(mm(list, ['**/*.js', '!**/*.spec.js']), mm.not(list, '*.js'), mm.some(list, 'src/*'), mm.every(list, '**'));
console.log(mm.braces('a/{b,c}/{1..3}', { expand: true }), mm.capture('test/*.spec.js', 'test/e.spec.js'), mm.contains('aa/bb', 'bb'));
