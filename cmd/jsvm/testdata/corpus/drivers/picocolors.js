const pc = require('picocolors');
const c = pc.createColors(true);
console.log(JSON.stringify(c.red(c.bold('x'))), JSON.stringify(pc.createColors(false).green('y')));
