// minimatch: glob patterns, braces, negation, options
const { minimatch } = require('minimatch');
const files = ['a.js', 'b.ts', 'src/x.js', 'src/y/z.js', '.hidden.js', 'README.md'];
for (const p of ['*.js', '**/*.js', 'src/**', '*.{js,ts}', '!*.js', '?.ts', '[ab].*']) {
  console.log(p, files.filter((f) => minimatch(f, p)));
}
console.log(minimatch('.hidden.js', '*.js', { dot: true }), minimatch('A.JS', '*.js', { nocase: true }));
console.log(minimatch.makeRe('src/*.js').source, minimatch.braceExpand('{a,b}{1..3}'));
