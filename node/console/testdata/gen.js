// node testdata/gen.js  -> writes console.stdout / console.stderr
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const r = spawnSync(process.execPath, [path.join(__dirname, 'console.js')]);
fs.writeFileSync(path.join(__dirname, 'console.stdout'), r.stdout);
fs.writeFileSync(path.join(__dirname, 'console.stderr'), r.stderr);
