// Stand-in for Node's test/common/countdown.js (cmd/nodetest): calls cb
// once dec() has been called `limit` times.
'use strict';

const assert = require('assert');
const common = require('./');

class Countdown {
  #left;
  #cb;

  constructor(limit, cb) {
    assert.strictEqual(typeof limit, 'number');
    assert.strictEqual(typeof cb, 'function');
    this.#left = limit;
    this.#cb = common.mustCall(cb);
  }

  dec() {
    assert(this.#left > 0, 'Countdown expired');
    if (--this.#left === 0) this.#cb();
    return this.#left;
  }

  get remaining() { return this.#left; }
}

module.exports = Countdown;
