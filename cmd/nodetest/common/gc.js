// Stand-in for Node's test/common/gc.js (cmd/nodetest): waits for garbage
// collection with global.gc (needs --expose-gc).
'use strict';

function wait(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

// gcUntil calls gc() until condition() is true, up to 10 times.
async function gcUntil(name, condition) {
  for (let i = 0; i < 10; i++) {
    await wait(1);
    globalThis.gc();
    if (condition()) return;
  }
  throw new Error(`Test ${name} failed: condition not met after 10 collections`);
}

// checkIfCollectable creates objects with fn and expects them to be freed.
async function checkIfCollectable(fn, maxCount = 4096, generateSnapshotAt = Infinity, logEvery = 128) {
  let live = 0;
  const registry = new FinalizationRegistry(() => { live--; });
  for (let i = 0; i < maxCount; i++) {
    const obj = await fn(i);
    if (obj !== undefined && obj !== null && (typeof obj === 'object' || typeof obj === 'function')) {
      registry.register(obj, i);
      live++;
    }
    if (i % logEvery === 0) {
      await wait(1);
      globalThis.gc();
    }
  }
  await gcUntil('checkIfCollectable', () => live < maxCount);
}

function onGC(obj, listener) {
  const registry = new FinalizationRegistry(() => listener.ongc());
  registry.register(obj, 0);
}

module.exports = { gcUntil, checkIfCollectable, onGC };
