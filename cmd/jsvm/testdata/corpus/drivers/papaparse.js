// papaparse: CSV parse with headers/typing, unparse, errors
const Papa = require('papaparse');
const csv = 'name,age,city\n"Smith, J",42,"New\nYork"\nDoe,7,LA\n';
const r = Papa.parse(csv, { header: true, dynamicTyping: true, skipEmptyLines: true });
console.log(r.data, r.errors, r.meta.fields, r.meta.delimiter);
console.log(Papa.unparse([{ a: 1, b: 'x,y' }, { a: 2, b: 'q"z' }]));
console.log(Papa.parse('a;b\n1;2', { delimiter: ';' }).data, Papa.parse('a,b\n1,2,3').errors.map((e) => e.code));
