// cli-table3: terminal tables with spans and wrapping
const Table = require('cli-table3');
const t = new Table({ head: ['Name', 'Qty'], colWidths: [12, 6], style: { head: [], border: [] } });
t.push(['apple', 3], ['banana split', 12], [{ colSpan: 2, content: 'total: 15' }]);
console.log(t.toString());
const v = new Table({ style: { head: [], border: [] } });
v.push({ 'Key': 'value' }, { 'Other': 'thing' });
console.log(v.toString());
