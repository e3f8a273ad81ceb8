const test = require('node:test');
const { describe, it } = test;
const assert = require('assert');
test('sync pass', () => { assert.strictEqual(1, 1); });
test('sync fail', () => { assert.strictEqual(1, 2); });
test('async pass', async () => { await new Promise(r => setTimeout(r, 1)); });
test('with subtests', async (t) => {
  await t.test('inner one', () => {});
  await t.test('inner two', () => { throw new Error('boom'); });
});
test('skipped', { skip: true }, () => {});
test('todo', { todo: 'later' }, () => {});
describe('suite', () => {
  it('a', () => {});
  it('b', () => { assert.ok(false); });
});
console.log('main done');
