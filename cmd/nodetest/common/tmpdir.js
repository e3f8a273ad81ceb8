// Stand-in for Node's test/common/tmpdir.js (cmd/nodetest): a scratch
// directory per test process.
'use strict';

const testRoot = __dirname.replace(/[\\/]common$/, '');
const tmpPath = `${testRoot}/.tmp.${process.env.TEST_SERIAL_ID || process.pid}`;

function refresh() {
  const fs = require('fs');
  fs.rmSync(tmpPath, { recursive: true, force: true });
  fs.mkdirSync(tmpPath, { recursive: true });
}

module.exports = {
  path: tmpPath,
  refresh,
  resolve(...parts) { return [tmpPath, ...parts].join('/'); },
  hasEnoughSpace() { return true; },
};
