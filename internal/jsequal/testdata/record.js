const assert = require('assert');
globalThis.cmp = (a, b, strict) => { try { (strict ? assert.deepStrictEqual : assert.deepEqual)(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };
console.log(require('vm').runInThisContext(require('fs').readFileSync(__dirname + '/cases.js', 'utf8')));
