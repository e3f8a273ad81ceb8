// mocha run programmatically: suites, hooks, async tests, a failure and a pending test, a JSON reporter's stats
const Mocha = require('mocha');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mocha-'));
const spec = path.join(dir, 'a.spec.js');
fs.writeFileSync(spec, `
const assert = require('assert');
describe('math', function () {
  let n;
  beforeEach(function () { n = 2; });
  it('adds', function () { assert.strictEqual(n + 2, 4); });
  it('waits', async function () { await new Promise((r) => setTimeout(r, 5)); assert.ok(true); });
  it('fails', function () { assert.deepStrictEqual({ a: 1 }, { a: 2 }); });
  it.skip('skipped', function () {});
  describe('nested', function () { it('callback', function (done) { setImmediate(done); }); });
});
`);
const mocha = new Mocha({ reporter: function (runner) {
  const events = [];
  runner.on('pass', (t) => events.push(['pass', t.fullTitle()]));
  runner.on('fail', (t, err) => events.push(['fail', t.fullTitle(), err.name, err.message.split('\n')[0]]));
  runner.on('pending', (t) => events.push(['pending', t.title]));
  runner.on('end', () => { console.log(events, runner.stats.passes, runner.stats.failures, runner.stats.pending); });
} });
mocha.addFile(spec);
mocha.run((failures) => { console.log('failures', failures); fs.rmSync(dir, { recursive: true }); });
