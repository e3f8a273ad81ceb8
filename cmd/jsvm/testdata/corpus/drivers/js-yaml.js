const yaml = require('js-yaml');
const doc = yaml.load('a: 1\nb: [x, y]\nc:\n  d: true\n  e: 2024-01-01\n');
console.log(JSON.stringify(doc), yaml.dump({ k: [1, { z: 'q' }], s: 'multi\nline' }));
try { yaml.load('a: [1'); } catch (e) { console.log(e.name, e.reason); }
