'use strict';
// node:test, minimal, written for jsvm: test/describe/it with subtests,
// hooks, skip/todo, and a TAP reporter close to node v20's.
// internals: write(s), location(stack) -> 'file:line:col', frames(stack) ->
// [lines], now() -> ms, schedule(fn), setExitCode(n), inspect(v).

var kNoop = function () {};

function TestNode(name, options, fn, parent, kind) {
  this.name = name;
  this.options = options || {};
  this.fn = fn || kNoop;
  this.parent = parent;
  this.kind = kind; // 'test', 'suite' or 'root'
  this.depth = parent ? parent.depth + 1 : -1;
  this.children = [];
  this.chain = PromiseResolve();
  this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
  this.skip = this.options.skip !== undefined && this.options.skip !== false ? this.options.skip : false;
  this.todo = this.options.todo !== undefined && this.options.todo !== false ? this.options.todo : false;
  this.error = null;
  this.failureType = null;
  this.diagnostics = [];
  this.headerShown = false;
  this.number = 0;
  this.passed = true;
  this.location = null;
  this.duration = 0;
}

var root = new TestNode('<root>', {}, null, null, 'root');
var started = false;
var tapHeader = false;
var startTime = 0;
var counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
var currentSuite = null; // the suite whose body is being declared

// Reports are written on the next turn of the event loop, as node's
// reporter stream does, so console output of running tests comes first.
var buffered = '';
var flushScheduled = false;
function flush() {
  flushScheduled = false;
  var s = buffered;
  buffered = '';
  internals.write(s);
}
function out(s) {
  if (!tapHeader) {
    tapHeader = true;
    buffered += 'TAP version 13\n';
  }
  buffered += s;
  if (!flushScheduled) {
    flushScheduled = true;
    internals.schedule(flush);
  }
}

function indent(node) {
  var s = '';
  for (var i = 0; i < node.depth; i++) s += '    ';
  return s;
}

function escapeName(s) {
  return MethodReplace(MethodReplace(MethodReplace(String(s), /\n/g, '\\n'), /\\/g, '\\\\'), /#/g, '\\#');
}

function showHeader(node) {
  if (node.kind === 'root' || node.headerShown) return;
  if (node.parent) showHeader(node.parent);
  node.headerShown = true;
  out(indent(node) + '# Subtest: ' + escapeName(node.name) + '\n');
}

function yamlString(s) {
  return "'" + MethodReplace(String(s), /'/g, "''") + "'";
}

function yamlValue(v, pad) {
  if (v === null) return ' null';
  if (v === undefined) return ' undefined';
  if (typeof v === 'string') return ' ' + yamlString(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return ' ' + String(v) + (typeof v === 'bigint' ? 'n' : '');
  if (typeof v === 'symbol' || typeof v === 'function') return ' ' + internals.inspect(v);
  if (v instanceof Date) return ' ' + v.toISOString();
  var keys = ObjectKeys(v);
  if (keys.length === 0) return ArrayIsArray(v) ? ' []' : ' {}';
  var s = '';
  for (var i = 0; i < keys.length; i++) {
    s += '\n' + pad + '  ' + keys[i] + ':' + yamlValue(v[keys[i]], pad + '  ');
  }
  return s;
}

function block(pad, key, text) {
  text = String(text);
  if (MethodIndexOf(text, '\n') < 0) return pad + key + ': ' + yamlString(text) + '\n';
  return pad + key + ': |-\n' + MethodJoin(MethodMap(MethodSplit(text, '\n'), function (l) { return pad + '  ' + l; }), '\n') + '\n';
}

function report(node) {
  showHeader(node);
  var pad = indent(node);
  var y = pad + '  ';
  var directive = '';
  if (node.skip !== false) directive = ' # SKIP' + (typeof node.skip === 'string' && node.skip ? ' ' + node.skip : '');
  else if (node.todo !== false) directive = ' # TODO' + (typeof node.todo === 'string' && node.todo ? ' ' + node.todo : '');
  if (node.children.length > 0) out(pad + '    1..' + node.children.length + '\n');
  var s = pad + (node.passed ? 'ok ' : 'not ok ') + node.number + ' - ' + escapeName(node.name) + directive + '\n';
  s += y + '---\n';
  s += y + 'duration_ms: ' + node.duration + '\n';
  if (node.kind === 'suite') s += y + "type: 'suite'\n";
  if (!node.passed) {
    if (node.location) s += y + 'location: ' + yamlString(node.location) + '\n';
    s += y + 'failureType: ' + yamlString(node.failureType) + '\n';
    var err = node.error;
    var isObj = err !== null && (typeof err === 'object' || typeof err === 'function');
    if (node.failureType === 'subtestsFailed') {
      s += y + 'error: ' + yamlString(err) + '\n';
      s += y + "code: 'ERR_TEST_FAILURE'\n";
    } else {
      var msg = isObj && typeof err.message === 'string' ? err.message : (isObj ? internals.inspect(err) : String(err));
      s += block(y, 'error', msg);
      s += y + 'code: ' + yamlString(isObj && typeof err.code === 'string' ? err.code : 'ERR_TEST_FAILURE') + '\n';
      if (isObj && typeof err.name === 'string' && err.name !== 'Error') s += y + 'name: ' + yamlString(err.name) + '\n';
      if (isObj && 'operator' in err) {
        s += y + 'expected:' + yamlValue(err.expected, y) + '\n';
        s += y + 'actual:' + yamlValue(err.actual, y) + '\n';
        s += y + 'operator:' + yamlValue(err.operator, y) + '\n';
      }
      if (isObj && typeof err.stack === 'string') {
        var frames = internals.frames(err.stack);
        if (frames.length) s += y + 'stack: |-\n' + MethodJoin(MethodMap(frames, function (f) { return y + '  ' + f; }), '\n') + '\n';
      }
    }
  }
  s += y + '...\n';
  out(s);
  for (var i = 0; i < node.diagnostics.length; i++) out(pad + '# ' + node.diagnostics[i] + '\n');
}

function count(node) {
  if (node.kind === 'suite') {
    counts.suites++;
    return;
  }
  counts.tests++;
  if (node.skip !== false) counts.skipped++;
  else if (node.todo !== false) counts.todo++;
  else if (node.passed) counts.pass++;
  else counts.fail++;
}

function fail(node, err, type) {
  if (!node.passed) return;
  node.passed = false;
  node.error = err;
  node.failureType = type;
}

function collectHooks(node, kind) {
  var list = [];
  for (var n = node.parent; n; n = n.parent) list = MethodConcat(n.hooks[kind], list);
  return kind === 'afterEach' ? MethodReverse(list) : list;
}

function callHook(fns, ctx) {
  var p = PromiseResolve();
  MethodForEach(fns, function (fn) {
    p = MethodThen(p, function () { return FunctionPrototypeCall(fn, ctx, ctx); });
  });
  return p;
}

function callWithDone(fn, ctx) {
  if (fn.length >= 2) {
    return new Promise(function (resolve, reject) {
      var r = FunctionPrototypeCall(fn, ctx, ctx, function done(err) { if (err) reject(err); else resolve(); });
      if (r && typeof r.then === 'function') {
        reject(internals.newError('Error', 'ERR_TEST_FAILURE', 'passed a callback but also returned a Promise'));
      }
    });
  }
  return MethodThen(PromiseResolve(), function () { return FunctionPrototypeCall(fn, ctx, ctx); });
}

function runNode(node) {
  var ctx = new TestContext(node);
  var start = internals.now();
  var p;
  if (node.skip !== false) {
    p = PromiseResolve();
  } else if (node.kind === 'suite') {
    p = MethodThen(MethodThen(MethodThen(PromiseResolve(node.declared), function () {
      return callHook(node.hooks.before, ctx);
    }), function () {
      var q = PromiseResolve();
      MethodForEach(node.children, function (c) { q = MethodThen(q, function () { return runChild(c); }); });
      return q;
    }), function () {
      return callHook(node.hooks.after, ctx);
    });
  } else {
    p = MethodThen(MethodThen(MethodThen(MethodThen(callHook(collectHooks(node, 'beforeEach'), ctx), function () {
      return callWithDone(node.fn, ctx);
    }), function () {
      return node.chain;
    }), function () {
      return callHook(collectHooks(node, 'afterEach'), ctx);
    }), function () {
      return callHook(node.hooks.after, ctx);
    });
  }
  return MethodThen(MethodThen(MethodThen(p, null, function (err) {
    fail(node, err, 'testCodeFailure');
  }), function () {
    return node.chain;
  }), function () {
    var failed = MethodFilter(node.children, function (c) { return !c.passed && c.todo === false; }).length;
    if (failed > 0) fail(node, failed + ' subtest' + (failed > 1 ? 's' : '') + ' failed', 'subtestsFailed');
    node.duration = MathRound((internals.now() - start) * 1e6) / 1e6;
    report(node);
    count(node);
  });
}

function runChild(node) {
  node.number = MethodIndexOf(node.parent.children, node) + 1;
  return runNode(node);
}

class TestContext {
  constructor(node) {
    ObjectDefineProperty(this, '_node', { value: node });
  }
  get name() { return this._node.name; }
  get fullName() {
    var parts = [];
    for (var n = this._node; n && n.kind !== 'root'; n = n.parent) MethodUnshift(parts, n.name);
    return MethodJoin(parts, ' > ');
  }
  get signal() { return undefined; }
  diagnostic(msg) { MethodPush(this._node.diagnostics, String(msg)); }
  skip(msg) { this._node.skip = msg === undefined ? true : String(msg); }
  todo(msg) { this._node.todo = msg === undefined ? true : String(msg); }
  runOnly() {}
  before(fn) { MethodPush(this._node.hooks.before, fn); }
  after(fn) { MethodPush(this._node.hooks.after, fn); }
  beforeEach(fn) { MethodPush(this._node.hooks.beforeEach, fn); }
  afterEach(fn) { MethodPush(this._node.hooks.afterEach, fn); }
  test(name, options, fn) {
    var node = makeNode(name, options, fn, this._node, 'test', new Error().stack);
    var parent = this._node;
    MethodPush(parent.children, node);
    var run = MethodThen(parent.chain, function () { return runChild(node); });
    parent.chain = run;
    return MethodThen(run, function () {});
  }
}

function makeNode(name, options, fn, parent, kind, stack) {
  if (typeof name === 'function') { fn = name; options = {}; name = fn.name || '<anonymous>'; }
  else if (typeof name === 'object' && name !== null) { fn = options; options = name; name = (fn && fn.name) || '<anonymous>'; }
  if (typeof options === 'function') { fn = options; options = {}; }
  if (name === undefined) name = (fn && fn.name) || '<anonymous>';
  if (options === undefined || options === null) options = {};
  if (fn !== undefined && typeof fn !== 'function') throw internals.invalidArgType('fn', 'of type function', fn);
  if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
  var node = new TestNode(String(name), options, fn, parent, kind);
  node.location = internals.location(stack);
  return node;
}

function ensureStarted() {
  if (started) return;
  started = true;
  startTime = internals.now();
  internals.schedule(function () {
    var done = function () {
      var failed = counts.fail > 0;
      out('1..' + root.children.length + '\n');
      out('# tests ' + counts.tests + '\n# suites ' + counts.suites + '\n# pass ' + counts.pass + '\n# fail ' + counts.fail +
        '\n# cancelled ' + counts.cancelled + '\n# skipped ' + counts.skipped + '\n# todo ' + counts.todo +
        '\n# duration_ms ' + MathRound((internals.now() - startTime) * 1e6) / 1e6 + '\n');
      if (failed) internals.setExitCode(1);
    };
    var next = function (i) {
      if (i >= root.children.length) { done(); return; }
      return MethodThen(runChild(root.children[i]), function () { return next(i + 1); });
    };
    MethodThen(MethodThen(PromiseResolve(), function () { return next(0); }), null, function (e) {
      internals.write('# internal error: ' + (e && e.stack || e) + '\n');
    });
  });
}

function declare(kind, name, options, fn, stack) {
  var parent = currentSuite || root;
  var node = makeNode(name, options, fn, parent, kind, stack);
  MethodPush(parent.children, node);
  if (kind === 'suite') {
    var saved = currentSuite;
    currentSuite = node;
    try {
      var r = FunctionPrototypeCall(node.fn, undefined, new SuiteContext(node));
      if (r && typeof r.then === 'function') node.declared = MethodThen(r, null, function (e) { fail(node, e, 'testCodeFailure'); });
    } catch (e) {
      fail(node, e, 'testCodeFailure');
    } finally {
      currentSuite = saved;
    }
  }
  if (parent === root) ensureStarted();
  return node;
}

class SuiteContext {
  constructor(node) { ObjectDefineProperty(this, '_node', { value: node }); }
  get name() { return this._node.name; }
  get signal() { return undefined; }
}

function test(name, options, fn) {
  declare('test', name, options, fn, new Error().stack);
  return PromiseResolve();
}
function describe(name, options, fn) {
  declare('suite', name, options, fn, new Error().stack);
  return PromiseResolve();
}
function it(name, options, fn) {
  declare('test', name, options, fn, new Error().stack);
  return PromiseResolve();
}

function withOption(base, key) {
  return function (name, options, fn) {
    if (typeof name === 'function') { fn = name; name = fn.name || '<anonymous>'; options = {}; }
    if (typeof options === 'function') { fn = options; options = {}; }
    options = ObjectAssign({}, options || {});
    options[key] = true;
    declare(base, name, options, fn, new Error().stack);
    return PromiseResolve();
  };
}

function hook(kind) {
  return function (fn) {
    var target = currentSuite || root;
    MethodPush(target.hooks[kind], fn);
  };
}

MethodForEach(['skip', 'todo', 'only'], function (k) {
  test[k] = withOption('test', k);
  it[k] = withOption('test', k);
  describe[k] = withOption('suite', k);
});

test.test = test;
test.describe = describe;
test.it = it;
test.suite = describe;
test.before = hook('before');
test.after = hook('after');
test.beforeEach = hook('beforeEach');
test.afterEach = hook('afterEach');
test.skip = test.skip;
test.run = function run() {
  throw internals.newError('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The run() method is not implemented');
};
test.mock = undefined;

module.exports = test;
