// terser: minify with compress/mangle, source maps, errors
const { minify } = require('terser');
(async () => {
  const code = 'function add(first, second) { var unused = 1; return first + second; }\nconsole.log(add(1, 2)); if (false) { dead(); }';
  console.log((await minify(code)).code);
  console.log((await minify(code, { mangle: false, compress: { passes: 2 }, output: { beautify: true } })).code);
  const m = await minify({ 'a.js': 'const x = () => 42; export default x;' }, { module: true, sourceMap: true });
  console.log(m.code, JSON.parse(m.map).sources);
  try { await minify('function ('); } catch (e) { console.log(e.name, e.message, e.line, e.col); }
})();
