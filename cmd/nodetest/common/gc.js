// Stand-in for Node's test/common/gc.js (cmd/nodetest), as in Node's main
// branch: FinalizationRegistry-based collection checks.
'use strict';

function wait(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
function immediate() { return new Promise((resolve) => setImmediate(resolve)); }

// onGC calls listener.ongc() once obj has been collected.
function onGC(obj, listener) {
  const registry = new FinalizationRegistry(() => listener.ongc());
  registry.register(obj, 0);
}

// gcUntil calls gc() (needs --expose-gc) until condition() is true, up to
// maxCount times.
async function gcUntil(name, condition, maxCount = 10, gcOptions) {
  for (let count = 0; count < maxCount; ++count) {
    await immediate();
    await globalThis.gc(gcOptions);
    if (condition()) return;
  }
  throw new Error(`Test ${name} failed`);
}

// checkIfCollectable creates objects with fn, one per immediate, until
// one of them is finalized or maxCount were made: a leak shows as running
// out of memory.
async function checkIfCollectable(fn, maxCount = 4096, generateSnapshotAt = Infinity, logEvery = 128) {
  let anyFinalized = false;
  let count = 0;
  const f = new FinalizationRegistry(() => { anyFinalized = true; });
  async function createObject() {
    const obj = await fn();
    f.register(obj);
    if (count++ < maxCount && !anyFinalized) setImmediate(createObject, 1);
    if (count % logEvery === 0) console.log(`Created ${count} objects`);
    if (anyFinalized) console.log(`Found finalized object at ${count}, stop testing`);
  }
  createObject();
}

// runAndBreathe repeats fn, waiting between runs.
async function runAndBreathe(fn, repeat, waitTime = 20) {
  for (let i = 0; i < repeat; i++) {
    await fn();
    await wait(waitTime);
  }
}

// checkIfCollectableByCounting counts live objects of ctor with
// v8.queryObjects (which jsvm does not have: the call throws).
async function checkIfCollectableByCounting(fn, ctor, count, waitTime = 20) {
  const { queryObjects } = require('v8');
  const { name } = ctor;
  const initialCount = queryObjects(ctor, { format: 'count' });
  let totalCreated = 0;
  for (let i = 0; i < count; ++i) {
    totalCreated += await fn(i);
    await wait(waitTime);
    const collected = totalCreated - (queryObjects(ctor, { format: 'count' }) - initialCount);
    if (collected > 0) return;
  }
  await wait(waitTime);
  const collected = totalCreated - (queryObjects(ctor, { format: 'count' }) - initialCount);
  if (collected > 0) return;
  throw new Error(`${name} cannot be collected`);
}

module.exports = { gcUntil, checkIfCollectable, runAndBreathe, checkIfCollectableByCounting, onGC };
