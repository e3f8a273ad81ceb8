// source-map: generate a map, then consume it (the WASM-free 0.7 API through its JS fallback)
const { SourceMapGenerator, SourceMapConsumer } = require('source-map');
const gen = new SourceMapGenerator({ file: 'out.js' });
gen.addMapping({ source: 'a.js', original: { line: 1, column: 0 }, generated: { line: 1, column: 0 }, name: 'foo' });
gen.addMapping({ source: 'a.js', original: { line: 2, column: 4 }, generated: { line: 1, column: 10 } });
gen.setSourceContent('a.js', 'function foo() {\n    return 1;\n}');
const json = gen.toJSON();
console.log(json.mappings, json.sources, json.names);
SourceMapConsumer.with(json, null, (c) => {
  console.log(c.originalPositionFor({ line: 1, column: 12 }), c.generatedPositionFor({ source: 'a.js', line: 2, column: 4 }), c.sourceContentFor('a.js').length);
}).catch((e) => console.log('error', e.message));
