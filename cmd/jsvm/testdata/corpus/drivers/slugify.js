// slugify, pluralize: strings for URLs and words
const slugify = require('slugify');
const pluralize = require('pluralize');
console.log(slugify('Hello World & Friends!'), slugify('Crème Brûlée à la mode', { lower: true, strict: true }), slugify('a_b c', { replacement: '_', remove: /[*+~.()'"!:@]/g }), slugify('ÄÖÜ ß ø', { locale: 'de' }));
console.log(pluralize('person'), pluralize('octopus'), pluralize.singular('mice'), pluralize('apple', 3, true), pluralize.isPlural('sheep'), pluralize('Category'));
pluralize.addIrregularRule('jsvm', 'jsvms!');
console.log(pluralize('jsvm'));
