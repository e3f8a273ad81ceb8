// node --expose-internals gen.js > cases.golden
const { parse } = require('internal/deps/cjs-module-lexer/lexer');
for (const src of require('./cases.js')) {
  let out;
  try { const r = parse(src); out = { src, exports: r.exports, reexports: r.reexports }; } catch (e) { out = { src, error: true }; }
  console.log(JSON.stringify(out));
}
