const Mustache = require('mustache');
console.log(Mustache.render('Hello {{name}}! {{#list}}<{{.}}>{{/list}} {{{raw}}} {{^empty}}none{{/empty}}', { name: '<x>', list: [1, 2], raw: '<b>', empty: [] }));
