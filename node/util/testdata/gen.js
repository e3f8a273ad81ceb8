// Records Node's output for inspect_cases.js into inspect.golden.
// Run: node gen.js > inspect.golden   (or UPDATE_SNAPSHOTS=1 go test)
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const src = fs.readFileSync(path.join(__dirname, 'inspect_cases.js'), 'utf8');
const { parse } = require('./cases_parse.js');
const prelude = fs.readFileSync(path.join(__dirname, 'prelude.js'), 'utf8');
(0, eval)(prelude);
let out = '';
for (const c of parse(src)) {
  let res;
  try {
    const v = c.vm ? require('vm').runInNewContext(c.src) : (0, eval)(c.src);
    const opts = c.opts ? (0, eval)('(' + c.opts + ')') : undefined;
    if (c.format) res = util.formatWithOptions(opts || {}, ...v);
    else res = opts ? util.inspect(v, opts) : util.inspect(v);
  } catch (e) {
    res = 'THREW ' + e;
  }
  out += '━━ ' + c.title + '\n' + res + '\n';
}
process.stdout.write(out);
