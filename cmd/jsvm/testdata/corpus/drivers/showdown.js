// showdown: markdown to HTML and back with options
const showdown = require('showdown');
const conv = new showdown.Converter({ tables: true, strikethrough: true, tasklists: true, noHeaderId: false });
console.log(conv.makeHtml('# Hello\n\n~~old~~ **new**\n\n- [x] done\n- [ ] todo\n\n|a|b|\n|-|-|\n|1|2|'));
console.log(conv.makeHtml('A *b* `c`\n\n> quote\n\n1. one\n2. two'));
