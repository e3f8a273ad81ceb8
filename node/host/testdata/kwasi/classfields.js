'use strict'
// class fields named get/set/async (sobek took them for accessors)
class C {
  set = function (k, v) { this.m[k] = v; return this; };
  get = function (k) { return this.m[k]; };
  static async = 'static field';
  m = {};
  get x() { return 'getter'; }
  async
  y() { return 'method y'; }
  async z() { return 'async method'; }
}
module.exports = C
