// jsvm's `v8` builtin. Wrapped by v8.go in
// (function(module, exports, internals, binding) { ... }).
'use strict';

function unavailable(what) {
  return internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
    `The feature ${what} is unavailable on the current platform, which is being used to run Node.js`);
}

function getHeapStatistics() {
  const [sys, used, limit, stack] = SafeIterable(binding.heap());
  return {
    total_heap_size: sys,
    total_heap_size_executable: 0,
    total_physical_size: sys,
    total_available_size: MathMax(0, limit - used),
    used_heap_size: used,
    heap_size_limit: limit,
    malloced_memory: stack,
    peak_malloced_memory: stack,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  };
}

function getHeapSpaceStatistics() {
  const [sys, used, limit] = SafeIterable(binding.heap());
  return [{
    space_name: 'old_space',
    space_size: sys,
    space_used_size: used,
    space_available_size: MathMax(0, limit - used),
    physical_space_size: sys,
  }];
}

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
}

function setFlagsFromString(flags) {
  if (typeof flags !== 'string') throw internals.invalidArgType('flags', 'of type string', flags);
  // V8 flags change nothing in sobek (as V8 ignores flags it does not know)
}

function notBuilding() {
  return internals.newError('Error', 'ERR_NOT_BUILDING_SNAPSHOT',
    'Operation cannot be invoked when not building startup snapshot');
}

const startupSnapshot = {
  addSerializeCallback() { throw notBuilding(); },
  addDeserializeCallback() { throw notBuilding(); },
  setDeserializeMainFunction() { throw notBuilding(); },
  isBuildingSnapshot() { return 0; }, // node 20 answers 0, not false
};

module.exports = {
  // a fixed tag: jsvm's compile cache does not take V8 cached data
  cachedDataVersionTag() { return 0; },
  getHeapSnapshot() { throw unavailable('v8.getHeapSnapshot'); },
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  serialize() { throw unavailable('v8.serialize (V8\'s serialization format)'); },
  deserialize() { throw unavailable('v8.deserialize (V8\'s serialization format)'); },
  takeCoverage() {},
  stopCoverage() {},
  writeHeapSnapshot() { throw unavailable('v8.writeHeapSnapshot'); },
  startupSnapshot,
  setHeapSnapshotNearHeapLimit(limit) {
    if (typeof limit !== 'number') throw internals.invalidArgType('limit', 'of type number', limit);
  },
};
