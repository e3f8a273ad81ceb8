// Records what Node prints for each case of a case file (default
// ./cases.js): UPDATE_SNAPSHOTS=1 go test ./node/vm
const vm = require('vm');
const cases = require(process.argv[2] || './cases.js');
function render(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(render).join(', ') + ']';
  return String(v);
}
for (const [i, body] of cases.entries()) {
  let out;
  try {
    out = 'ok ' + render(new Function('vm', body)(vm));
  } catch (e) {
    if (e !== null && typeof e === 'object') {
      out = `throw ${e.name} ${e.code} ${JSON.stringify(e.message)}`;
      if (typeof e.stack === 'string' && !e.stack.startsWith(e.name)) out += ' arrow=' + JSON.stringify(e.stack.split('\n').slice(0, 3).join('\n'));
    } else out = 'throw ' + render(e);
  }
  console.log(`${i}: ${out}`);
}
