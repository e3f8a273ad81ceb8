// An arrow function's toString ends where its concise body's last token
// ends: sobek's parser cut it short after a parenthesised body and a
// private name (engine/arrowsource.go). Each source runs in a new
// context, the main context, a Script with offsets and a compileFunction
// body; eval code (parsed by sobek alone) is the known difference.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestArrowSourceCases
const vm = require('vm');
const srcs = [
  'x => ((x))', '() => (a, b)', '() => /* c */ (1) /* d */', '() => ("(")', '() => a ? (b) : (c)', '() => `${(1)}`', 'async () => (await 1)',
  '() => () => (1)', '(() => (1))', '[() => (1)][0]', '() => (((1)) + (2))', '() => (1)\n', '() => (\n1\n)', '() => ")"', '() => (/\\)/)',
  '({ a: () => (1) }).a', '() => (1) // )', '() => { return (1) }', 'x => x', 'async x => (x)', '() => (1)\u00e9', '(x = (1)) => (x)',
  '(class { #x = 1; f = () => this.#x }).prototype.constructor',
];
const classSrc = 'class A { #x = 1; static #n = 1; f = () => this.#x; g = () => (this.#x); h = () => #x in this; i = () => () => this.#x; j = () => !this.#x; k = () => (0, this.#x); l = () => c ? this.#x : this.#x; m = () => this.#x.y; n = () => this.#x(); static o = () => A.#n; static p = () => [A.#n] }';
const show = (v) => {
  if (typeof v === 'function' && /^class/.test(String(v))) {
    const a = new v();
    return Object.keys(a).map((k) => String(a[k])).concat(Object.keys(v).map((k) => String(v[k]))).join(' | ');
  }
  return String(v);
};
let n = 0;
for (const s of [...srcs, `(${classSrc})`]) {
  const out = [];
  for (const run of [(c) => vm.runInNewContext(c), (c) => vm.runInThisContext(c), (c) => new vm.Script(c, { filename: 'f.js', lineOffset: 3, columnOffset: 4 }).runInThisContext(), (c) => vm.compileFunction(`return ${c}`)()]) {
    try { out.push(show(run(s))) } catch (e) { out.push(e.name + ': ' + e.message) }
  }
  console.log(`${n++}: ${JSON.stringify(s)} => ${JSON.stringify(out)}`);
}
console.log(`${n++}: eval ${JSON.stringify(String((0, eval)('() => (1)')))}`);
