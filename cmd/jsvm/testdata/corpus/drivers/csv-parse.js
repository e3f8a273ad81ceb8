// csv-parse: sync API and the stream API
const { parse } = require('csv-parse');
const { parse: parseSync } = require('csv-parse/sync');
console.log(parseSync('a,b\n1,"x ""q"""\n3,4\n', { columns: true, cast: true }));
const rows = [];
const p = parse({ delimiter: ';', from_line: 2 });
p.on('readable', () => { let r; while ((r = p.read()) !== null) rows.push(r); });
p.on('error', (e) => console.log('error', e.code));
p.on('end', () => {
  console.log(rows);
  try { parseSync('a,b\n1,2,3\n'); } catch (e) { console.log(e.code, e.message); }
});
p.write('h1;h2\n1;2\n');
p.write('3;');
p.end('4\n');
