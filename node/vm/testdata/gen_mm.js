// Records what Node prints for each case of mm_cases.js:
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestMeasureMemoryCases
process.removeAllListeners('warning');
process.on('warning', () => {});
const vm = require('vm');
const cases = require('./mm_cases.js');
function render(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(render).join(', ') + ']';
  return String(v);
}
const AsyncFunction = (async () => {}).constructor;
(async () => {
  for (const [i, body] of cases.entries()) {
    let out;
    try {
      out = 'ok ' + render(await new AsyncFunction('vm', body)(vm));
    } catch (e) {
      if (e !== null && typeof e === 'object') out = `throw ${e.name} ${e.code} ${JSON.stringify(e.message)}`;
      else out = 'throw ' + render(e);
    }
    console.log(`${i}: ${out}`);
  }
})();
