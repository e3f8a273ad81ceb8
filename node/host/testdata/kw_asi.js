// `o.default` / `o.new` at a line's end followed by a statement: CommonJS
// and ES modules load (sobek needs engine.KeywordMemberASI), lines stay
// true (the stack of an error after the place), a function spanning it keeps working.
const m = require('./kwasi/cjs.js');
console.log(m.a, m.b, m.g, m.sum, m.f());
import('./kwasi/esm.mjs').then((e) => console.log(e.a, e.b, e.c));
const o = { default: 0 };
const x = o.default
try { null.x; } catch (e) { console.log(/kw_asi\.js:\d+/.exec(e.stack)[0]); }
try { require('./kwasi/bad.js'); } catch (e) { console.log(e.name, e.message); }
console.log(x);
