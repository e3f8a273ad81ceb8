// node testdata/util_api_gen.js > testdata/util_api.golden
globalThis.util = require('util');
globalThis.out = (...a) => process.stdout.write(a.map(String).join(' ') + '\n');
process.removeAllListeners('warning');
process.on('warning', (w) => out('warning', w.name, w.code, w.message));
require('./util_api.js');
