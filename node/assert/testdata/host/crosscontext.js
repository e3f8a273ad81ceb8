const vm = require('vm'), assert = require('assert'), util = require('util');
const re = vm.runInNewContext('/ab+c/');
assert.match('xabbc', re);
try { assert.doesNotMatch('abc', re); } catch (e) { console.log(e.message); }
assert.throws(() => { throw new Error('abc'); }, re);
assert.throws(() => vm.runInNewContext('throw new TypeError("x")'), { name: 'TypeError', message: 'x' });
try { assert.throws(() => vm.runInNewContext('throw new TypeError("x")'), TypeError); console.log('instanceof across contexts passed'); } catch (e) { console.log(e.message); }
try { assert.deepStrictEqual(vm.runInNewContext('[new Date(0), new Set([1]), /x/g]'), [new Date(0), new Set([2]), /x/g]); } catch (e) { console.log(e.message); }
try { assert.deepStrictEqual(vm.runInNewContext('({a:1})'), {a:1}); console.log('ok'); } catch (e) { console.log(e.message); }
console.log(util.isDeepStrictEqual(vm.runInNewContext('({a:1})'), {a:1}));
console.log(util.isDeepStrictEqual(vm.runInNewContext('[1]'), [1]));
try { assert.deepEqual(vm.runInNewContext('({a:1, b:[1,2], d: new Date(0), m: new Map([[1,2]])})'), {a:1, b:[1,2], d: new Date(0), m: new Map([[1,2]])}); console.log('ok'); } catch (e) { console.log(e.message); }
try { assert.deepEqual(vm.runInNewContext('new Map([[1,2]])'), new Map([[1,3]])); console.log('ok'); } catch (e) { console.log(e.message); }
const ctxObj = vm.runInNewContext('({x: {y: 1}})');
