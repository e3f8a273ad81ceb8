const assert = require('assert');
const x = 0;
try { assert.ok(x); } catch (e) { console.log(JSON.stringify(e.message)); }
try { assert(x === 1,
  undefined); } catch (e) { console.log(JSON.stringify(e.message)); }
try { assert.equal(x, 1); } catch (e) { console.log(e.stack.split('\n')[0]); }
const e = new assert.AssertionError({actual: 1, expected: 2, operator: 'strictEqual'});
console.log(JSON.stringify(e.message), Object.keys(e).join(), e.toString(), e.name, e instanceof Error);
try { new assert.AssertionError(5); } catch (err) { console.log(err.code, err.message); }
console.log(Object.keys(assert).join(','));
console.log(assert.strict === require('assert/strict'), assert.strict.equal === assert.strictEqual, require('assert/strict').strict === require('assert/strict'));
function t(f) { try { f(); console.log('no throw'); } catch (e) { console.log(JSON.stringify(e.message), e.code); } }
t(() => assert.equal({a: 1}, {b: 1}));
t(() => assert.equal(1));
t(() => assert.throws(() => { throw new Error('x'); }, 'x'));
t(() => assert.throws(() => { throw new Error('x'); }, 'x', 'y'));
t(() => assert.throws(() => { throw new Error('x'); }, {}));
t(() => assert.throws(() => { throw 5; }, {a: 1}));
t(() => assert.throws(() => { throw new Error('x'); }, Error, 'mm'));
t(() => assert.throws(() => { throw new Error('x'); }, {message: 'y'}, 'mm'));
t(() => assert.ok(false, new TypeError('zz')));
t(() => assert.strictEqual({a: 1}, {a: 1}, 'mm'));
t(() => assert.strict.equal(1, 2));
t(() => assert.strict.deepEqual([1], [2]));
t(() => assert.deepStrictEqual({b: 1, a: {c: 'str', d: [1, 2]}}, {a: {c: 'str', d: [1, 2]}, b: 2}));
t(() => assert.deepStrictEqual([1, 2, 3], [1, 2]));
t(() => assert.notStrictEqual({a: 1}, {a: 1}));
t(() => assert.throws(() => { throw new TypeError('bad thing'); }, {name: 'TypeError', message: /bad/}));
t(() => assert.throws(() => { throw new TypeError('bad thing'); }, {name: 'RangeError', message: /bad/}));
t(() => assert.throws(() => { throw new TypeError('bad thing'); }, (err) => err instanceof TypeError));
t(() => assert.throws(() => { throw new TypeError('bad thing'); }, function check(err) { return 1; }));
t(() => assert.doesNotThrow(() => { throw new TypeError('x'); }, RangeError));
t(() => assert.deepEqual(new Date(0), new Date(0)));
t(() => assert.deepStrictEqual(new Set([1, 2]), new Set([2, 1])));
assert.rejects(Promise.resolve(1)).catch(e => console.log(JSON.stringify(e.message)));
assert.rejects(() => 1).catch(e => console.log(JSON.stringify(e.message), e.code));
assert.rejects(5).catch(e => console.log(JSON.stringify(e.message), e.code));
assert.doesNotReject(Promise.reject(new Error('r'))).catch(e => console.log(JSON.stringify(e.message), e.code));
assert.rejects(Promise.reject(new Error('r')), /z/).catch(e => console.log(JSON.stringify(e.message), e.code));
assert.rejects(Promise.reject(new Error('r')), Error).then(() => console.log('rejects ok'));
assert.doesNotReject(Promise.resolve(3)).then((v) => console.log('doesNotReject ok', v));
