// postcss: parse, walk, mutate with a plugin, stringify, errors
const postcss = require('postcss');
const plugin = { postcssPlugin: 'px2rem', Declaration(decl) { decl.value = decl.value.replace(/(\d+)px/g, (m, n) => `${n / 16}rem`); } };
postcss([plugin]).process('a { margin: 16px 32px; color: red } @media (max-width: 100px) { b { padding: 8px } }', { from: 'in.css' }).then((r) => {
  console.log(r.css);
  const root = postcss.parse('/* c */ .x > .y:hover { a: 1; b: 2 }');
  root.walkRules((rule) => console.log(rule.selector, rule.nodes.length));
  root.walkDecls((d) => { d.prop = d.prop.toUpperCase(); });
  console.log(root.toString(), root.nodes.map((n) => n.type));
  try { postcss.parse('a { b: '); } catch (e) { console.log(e.name, e.reason, e.line, e.column); }
});
