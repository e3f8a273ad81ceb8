// Issue #13: the builtins of a realm as node v20 has them, in the main
// realm (a script's indirect eval) and in a context of vm.createContext.
// Every line of intrinsics_survey.js's output, prefixed by the realm.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestIntrinsicShapes
const fs = require('fs');
const vm = require('vm');
const src = fs.readFileSync(__dirname + '/intrinsics_survey.js', 'utf8');
const out = [];
for (const l of (0, eval)(src).split('\n')) out.push('main ' + l);
for (const l of vm.runInContext(src, vm.createContext({})).split('\n')) out.push('ctx ' + l);
console.log(out.join('\n'));
