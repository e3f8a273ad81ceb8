const ini = require('ini');
const o = ini.parse('a=1\n[sec]\nb = two\n; comment\nc[] = x\nc[] = y\n');
console.log(JSON.stringify(o), JSON.stringify(ini.stringify({ x: 1, s: { y: 'z' } })));
