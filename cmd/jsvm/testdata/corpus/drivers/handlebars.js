const Handlebars = require('handlebars');
Handlebars.registerHelper('up', (s) => String(s).toUpperCase());
const t = Handlebars.compile('Hi {{up name}}! {{#each items}}[{{@index}}:{{this}}]{{/each}} {{{html}}} {{html}}');
console.log(t({ name: 'bob', items: ['x', 'y'], html: '<b>' }));
console.log(Handlebars.precompile('{{a}}').length > 100);
