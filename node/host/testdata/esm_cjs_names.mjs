// named exports of CommonJS modules come from the source (Node's
// cjs-module-lexer), with the values module.exports has when it ran
import * as lx from './cjsnames/lx.cjs';
import * as re from './cjsnames/re.cjs';
import * as cy from './cjsnames/cy1.cjs';
import * as rt from './cjsnames/runtime.cjs';
import * as star from './cjsnames/star.cjs';
import * as es from './cjsnames/esmsyntax.cjs';
import * as th from './cjsnames/thrower.cjs';
const show = (ns) => JSON.stringify(Object.keys(ns).map((k) => [k, k === 'default' ? typeof ns[k] : ns[k]]));
for (const ns of [lx, re, cy, rt, star, es, th]) console.log(show(ns));
console.log(rt.default.dyn1, lx.default.ne, star.__esModule);
