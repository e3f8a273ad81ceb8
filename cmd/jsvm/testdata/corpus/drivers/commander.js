const { Command } = require('commander');
const p = new Command();
p.name('tool').option('-d, --debug', 'debug').option('-n, --num <n>', 'number', parseFloat, 1).argument('<file>');
p.exitOverride();
p.parse(['node', 'tool', '-d', '--num', '3.5', 'a.txt']);
console.log(p.opts(), p.args);
console.log(p.helpInformation());
