const { describe, it, before, after, beforeEach, afterEach, test } = require('node:test');
describe('s', () => {
  before(() => console.log('before'));
  after(() => console.log('after'));
  beforeEach(() => console.log('beforeEach'));
  afterEach(() => console.log('afterEach'));
  it('a #1', () => {});
  describe('inner', () => { it('b', () => {}); });
});
test('t', async (t) => { t.test('not awaited', () => {}); });
