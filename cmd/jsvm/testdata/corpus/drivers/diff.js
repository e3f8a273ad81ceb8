const Diff = require('diff');
console.log(JSON.stringify(Diff.diffWords('the quick fox', 'the slow fox')));
console.log(Diff.createPatch('f.txt', 'a\nb\nc\n', 'a\nB\nc\n', 'old', 'new'));
