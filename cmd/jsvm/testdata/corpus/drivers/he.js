const he = require('he');
console.log(he.encode('foo © bar ≠ baz 𝌆'), he.decode('&lt;&eacute;&#x1D306;&amp;'));
