// Stand-in for Node's test/common/measure-memory.js (cmd/nodetest): checks
// the shape of vm.measureMemory() results.
'use strict';

const assert = require('assert');
const common = require('./');

function checkEstimate(r) {
  assert.strictEqual(typeof r, 'object');
  assert.strictEqual(typeof r.jsMemoryEstimate, 'number');
  assert.ok(Array.isArray(r.jsMemoryRange) || typeof r.jsMemoryRange === 'object');
  assert.strictEqual(typeof r.jsMemoryRange[0], 'number');
  assert.strictEqual(typeof r.jsMemoryRange[1], 'number');
}

// {total} only.
function assertSummaryShape(result) {
  assert.strictEqual(typeof result, 'object');
  checkEstimate(result.total);
}

// {total, current, other: [one estimate per other context]}.
function assertDetailedShape(result, contexts = 0) {
  assert.strictEqual(typeof result, 'object');
  checkEstimate(result.total);
  checkEstimate(result.current);
  assert.ok(Array.isArray(result.other));
  assert.strictEqual(result.other.length, contexts);
  result.other.forEach(checkEstimate);
}

function assertSingleDetailedShape(result) {
  assertDetailedShape(result, 0);
}

function expectExperimentalWarning() {
  // v18 says "... feature. This feature could change at any time",
  // v20 "... feature and might change at any time": accept both.
  common.expectWarning('ExperimentalWarning',
                       /^vm\.measureMemory is an experimental feature(\. This feature could| and might) change at any time$/);
}

module.exports = {
  assertSummaryShape,
  assertDetailedShape,
  assertSingleDetailedShape,
  expectExperimentalWarning,
};
