// Records what Node prints for each case of module_cases.js:
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestModuleCases
// (run as `node --experimental-vm-modules gen_module.js`).
const vm = require('vm');
const cases = require('./module_cases.js');
const AsyncFunction = (async () => {}).constructor;
function render(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(render).join(', ') + ']';
  if (typeof v === 'function') return 'function';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.keys(v).map((k) => k + ': ' + render(v[k])).join(', ') + '}';
  }
  return String(v);
}
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
