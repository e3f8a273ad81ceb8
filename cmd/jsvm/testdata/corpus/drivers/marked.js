const { marked } = require('marked');
console.log(marked.parse('# Title\n\nSome *em* and **strong** `code`.\n\n- a\n- b\n\n```js\nx = 1\n```\n'));
