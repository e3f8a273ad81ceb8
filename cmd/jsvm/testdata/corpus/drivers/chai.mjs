// chai assertions (expect/should/assert styles, deep equality, failures' messages) and sinon (spies, stubs, fake timers)
import { expect, assert, should } from 'chai';
import sinon from 'sinon';
should();
expect({ a: [1, { b: 2 }] }).to.deep.equal({ a: [1, { b: 2 }] });
expect('hello').to.be.a('string').and.have.lengthOf(5).and.match(/ell/);
(5).should.be.above(3);
assert.throws(() => { throw new TypeError('bad thing'); }, TypeError, /bad/);
for (const f of [() => expect([1, 2]).to.include(3), () => assert.deepEqual({ x: 1 }, { x: 2 }), () => expect(null).to.exist, () => expect(() => 1).to.throw()]) {
  try { f(); } catch (e) { console.log(e.name, e.message); }
}
const spy = sinon.spy((a, b) => a + b);
spy(1, 2); spy(3, 4);
console.log(spy.callCount, spy.firstCall.args, spy.returnValues, spy.calledWith(3, 4));
const obj = { greet: (n) => `hi ${n}` };
const stub = sinon.stub(obj, 'greet').withArgs('x').returns('stubbed');
console.log(obj.greet('x'), obj.greet('y'));
sinon.restore();
console.log(obj.greet('x'));
const clock = sinon.useFakeTimers({ now: new Date('2020-01-01T00:00:00Z') });
const seen = [];
setTimeout(() => seen.push('t100'), 100);
setInterval(() => seen.push('i50'), 50);
clock.tick(120);
console.log(seen, new Date().toISOString());
clock.restore();
void stub;
