// Stand-in for Node's test/common/fixtures.js (cmd/nodetest): paths and
// contents of files under test/fixtures.
'use strict';

const fixturesDir = __dirname.replace(/[\\/]common$/, '') + '/fixtures';

function path(...parts) {
  return [fixturesDir, ...parts].join('/').replace(/\/+/g, '/');
}

function readSync(where, encoding) {
  const p = Array.isArray(where) ? path(...where) : path(where);
  return require('fs').readFileSync(p, encoding);
}

function readKey(name, encoding) {
  return readSync(['keys', name], encoding);
}

module.exports = {
  fixturesDir,
  path,
  readSync,
  readKey,
  fileURL(...parts) { return require('url').pathToFileURL(path(...parts)); }, // a URL, as Node's
};
