// markdown-it: render CommonMark + tables, options, tokens
const md = require('markdown-it')({ html: false, linkify: true, typographer: true });
console.log(md.render('# Title\n\nSome *em* and **strong**, `code`, "quotes" -- dash.\n\n- a\n- b\n\n| h1 | h2 |\n|----|----|\n| x  | y  |\n\nhttps://example.com\n\n```js\nlet a = 1;\n```\n<b>raw</b>\n'));
console.log(md.renderInline('__x__ [l](http://a.b)'), md.parse('# h', {}).map((t) => t.type));
