// picomatch: compiled matchers, scan, extglobs
const picomatch = require('picomatch');
const isMatch = picomatch('**/*.{js,ts}');
console.log(['a.js', 'x/y.ts', 'z.md', '.h/q.js'].map((f) => isMatch(f)));
console.log(picomatch.isMatch('abc', 'a+(b)c'), picomatch.isMatch('foo.js', '!(*.ts)'), picomatch.isMatch('a/b', 'a/*', { dot: true }));
console.log(picomatch.scan('src/**/*.js'), picomatch.makeRe('*.js').source);
