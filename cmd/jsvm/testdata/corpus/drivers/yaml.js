// yaml (eemeli/yaml): parse, stringify, documents, comments, anchors
const YAML = require('yaml');
const src = `# config
name: demo
list: [1, 2, three]
nested:
  a: &anchor { x: 1 }
  b: *anchor
date: 2024-01-02
multi: |
  line one
  line two
`;
console.log(YAML.parse(src));
const doc = YAML.parseDocument(src);
console.log(doc.get('name'), doc.getIn(['nested', 'b', 'x']), doc.commentBefore, doc.errors.length);
doc.set('added', [true, null]);
console.log(doc.toString());
console.log(YAML.stringify({ a: [1, { b: 'c' }], s: 'multi\nline', n: null, d: new Date(0) }));
try { YAML.parse('a: [1, 2'); } catch (e) { console.log(e.name, e.code); }
console.log(YAML.parseAllDocuments('a: 1\n---\nb: 2\n').map((d) => d.toJS()));
