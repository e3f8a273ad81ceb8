// highlight.js: highlight by language and auto-detection
const hljs = require('highlight.js');
console.log(hljs.highlight('const x = 1; // hi\nfunction f() { return "s"; }', { language: 'javascript' }).value);
console.log(hljs.highlight('SELECT * FROM t WHERE a = 1;', { language: 'sql' }).value);
const auto = hljs.highlightAuto('def f(x):\n    return x + 1\n', ['python', 'ruby', 'javascript']);
console.log(auto.language, auto.relevance > 0, hljs.listLanguages().length > 100, hljs.getLanguage('js').name);
