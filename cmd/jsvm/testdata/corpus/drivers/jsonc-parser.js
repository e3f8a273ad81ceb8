// jsonc-parser (comments, trailing commas, edits, errors) and hjson
const jsonc = require('jsonc-parser');
const Hjson = require('hjson');
const text = '{ // comment\n "a": 1, /* c */ "b": [1, 2,], "c": { "d": true }, }';
const errors = [];
console.log(jsonc.parse(text, errors, { allowTrailingComma: true }), errors);
const errs2 = [];
jsonc.parse('{"a": 1,, "b"}', errs2);
console.log(errs2.map((e) => [jsonc.printParseErrorCode(e.error), e.offset]));
const edits = jsonc.modify(text, ['c', 'e'], 'new', { formattingOptions: { insertSpaces: true, tabSize: 2 } });
console.log(jsonc.applyEdits(text, edits));
console.log(jsonc.getLocation(text, 30).path, jsonc.findNodeAtLocation(jsonc.parseTree(text), ['b', 1]).value);
console.log(jsonc.stripComments(text));
const h = Hjson.parse('{\n  # comment\n  name: plain text\n  list: [\n    1\n    2\n  ]\n  multi:\n    \'\'\'\n    two\n    lines\n    \'\'\'\n}');
console.log(h, Hjson.stringify({ a: 1, b: 'x y', c: [true, null] }));
try { Hjson.parse('{ a: [ }'); } catch (e) { console.log('hjson error', e.message.split('\n')[0]); }
