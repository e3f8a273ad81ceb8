'use strict';
// EventEmitter, written for jsvm. internals: {inspect(v), invalidArgType(name, expected, value),
// outOfRange(name, range, value), newError(kind, code, msg), warn(msg, name)}
var kCapture = Symbol('kCapture');
var kShapeMode = Symbol('shapeMode');
var errorMonitor = Symbol('events.errorMonitor');
var kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
var captureRejectionSymbol = SymbolFor('nodejs.rejection');
var defaultMaxListeners = 10;

function checkListener(listener) {
  if (typeof listener !== 'function') throw internals.invalidArgType('listener', 'of type function', listener);
}

function validateMax(n, name) {
  if (typeof n !== 'number') throw internals.invalidArgType(name, 'of type number', n);
  if (n < 0 || n !== n) throw internals.outOfRange(name, '>= 0', n);
}

function EventEmitter(opts) {
  FunctionPrototypeCall(EventEmitter.init, this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

EventEmitter.init = function (opts) {
  if (this._events === undefined || this._events === ObjectGetPrototypeOf(this)._events) {
    this._events = ObjectCreate(null);
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts && opts.captureRejections) {
    if (typeof opts.captureRejections !== 'boolean')
      throw internals.invalidArgType('options.captureRejections', 'of type boolean', opts.captureRejections);
    this[kCapture] = true;
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};
EventEmitter.prototype[kCapture] = false;

ObjectDefineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get: function () { return defaultMaxListeners; },
  set: function (n) {
    validateMax(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  },
});

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateMax(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

function getMax(that) {
  return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() { return getMax(this); };

EventEmitter.prototype.emit = function emit(type) {
  var args = ArrayPrototypeSlice(arguments, 1);
  var doError = type === 'error';
  var events = this._events;
  if (events !== undefined) {
    if (doError && events[errorMonitor] !== undefined) FunctionPrototypeApply(this.emit, this, MethodConcat([errorMonitor], args));
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) {
    var er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) throw er;
    var err = internals.newError('Error', 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + internals.inspect(er) + ')');
    err.context = er;
    throw err;
  }
  var handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    FunctionPrototypeApply(handler, this, args);
  } else {
    var listeners = MethodSlice(handler);
    for (var i = 0; i < listeners.length; ++i) FunctionPrototypeApply(listeners[i], this, args);
  }
  return true;
};

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  var events = target._events;
  if (events === undefined) {
    events = target._events = ObjectCreate(null);
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
  }
  var existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      MethodUnshift(existing, listener);
    } else {
      MethodPush(existing, listener);
    }
    var m = getMax(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      var name = target.constructor && target.constructor.name || 'EventEmitter';
      internals.warn('Possible EventEmitter memory leak detected. ' + existing.length + ' ' +
        String(type) + ' listeners added to [' + name + ']. MaxListeners is ' + m +
        '. Use emitter.setMaxListeners() to increase limit', 'MaxListenersExceededWarning');
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener_(type, listener) { return addListener(this, type, listener, false); };
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) { return addListener(this, type, listener, true); };

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return FunctionPrototypeApply(this.listener, this.target, arguments);
  }
}

function onceWrap(target, type, listener) {
  var state = { fired: false, wrapFn: undefined, target: target, type: type, listener: listener };
  var wrapped = FunctionPrototypeBind(onceWrapper, state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  var events = this._events;
  if (events === undefined) return this;
  var list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) events[type] = undefined;
    else if (this._eventsCount === 0) this._events = ObjectCreate(null);
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    var position = -1;
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) { position = i; break; }
    }
    if (position < 0) return this;
    if (position === 0) MethodShift(list);
    else MethodSplice(list, position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  var events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = ObjectCreate(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = ObjectCreate(null);
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    var keys = ReflectOwnKeys(events);
    for (var k = 0; k < keys.length; k++) {
      if (keys[k] === 'removeListener') continue;
      this.removeAllListeners(keys[k]);
    }
    this.removeAllListeners('removeListener');
    this._events = ObjectCreate(null);
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  var listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (var i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function _listeners(target, type, unwrap) {
  var events = target._events;
  if (events === undefined) return [];
  var l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  return unwrap ? MethodMap(l, function (f) { return f.listener || f; }) : MethodSlice(l);
}

EventEmitter.prototype.listeners = function listeners(type) { return _listeners(this, type, true); };
EventEmitter.prototype.rawListeners = function rawListeners(type) { return _listeners(this, type, false); };

function listenerCount(type, listener) {
  var events = this._events;
  if (events !== undefined) {
    var l = events[type];
    if (typeof l === 'function') return (listener == null || l === listener || l.listener === listener) ? 1 : 0;
    if (l !== undefined) {
      if (listener == null) return l.length;
      return MethodFilter(l, function (f) { return f === listener || f.listener === listener; }).length;
    }
  }
  return 0;
}
EventEmitter.prototype.listenerCount = listenerCount;
EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return FunctionPrototypeCall(listenerCount, emitter, type);
};

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? ReflectOwnKeys(this._events) : [];
};

EventEmitter.once = function once(emitter, name, options) {
  return new Promise(function (resolve, reject) {
    var errorListener = function (err) {
      emitter.removeListener(name, resolver);
      reject(err);
    };
    var resolver = function () {
      if (name !== 'error') emitter.removeListener('error', errorListener);
      resolve(ArrayPrototypeSlice(arguments));
    };
    emitter.once(name, resolver);
    if (name !== 'error') emitter.once('error', errorListener);
  });
};

// events.on: an async iterator over emitter's `name` events (each value
// the listener's arguments as an array); 'error' rejects the pending or
// next read and ends it; options.signal aborts, options.close names
// events that end it. EventTargets are listened to with addEventListener.
EventEmitter.on = function on(emitter, name, options) {
  if (options === undefined) options = {}; // (node v20 validates no more)
  var signal = options.signal;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw internals.invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  }
  var closeEvents = ArrayIsArray(options.close) ? options.close : [];
  var queue = [], pending = [], error = null, finished = false;
  var isTarget = typeof emitter.on !== 'function' && typeof emitter.addEventListener === 'function';
  var listen = function (ev, fn) { if (isTarget) emitter.addEventListener(ev, fn); else emitter.on(ev, fn); };
  var unlisten = function (ev, fn) { if (isTarget) emitter.removeEventListener(ev, fn); else emitter.removeListener(ev, fn); };
  var abortErr = function () {
    var e = internals.newError('Error', 'ABORT_ERR', 'The operation was aborted');
    e.name = 'AbortError';
    if (signal && signal.reason !== undefined) e.cause = signal.reason;
    return e;
  };
  if (signal && signal.aborted) throw abortErr();
  var eventHandler = function () {
    var args = ArrayPrototypeSlice(arguments);
    if (pending.length > 0) MethodShift(pending).resolve({ value: args, done: false });
    else MethodPush(queue, args);
  };
  var errorHandler = function (err) {
    if (pending.length > 0) MethodShift(pending).reject(err);
    else error = err;
    iterator.return();
  };
  var closeHandler = function () { closeIterator(); };
  var abortListener = function () { errorHandler(abortErr()); };
  var closeIterator = function () {
    if (finished) return;
    finished = true;
    unlisten(name, eventHandler);
    if (name !== 'error' && !isTarget) unlisten('error', errorHandler);
    MethodForEach(closeEvents, function (ev) { unlisten(ev, closeHandler); });
    if (signal) signal.removeEventListener('abort', abortListener);
    while (pending.length > 0) MethodShift(pending).resolve({ value: undefined, done: true });
  };
  listen(name, eventHandler);
  if (name !== 'error' && !isTarget) listen('error', errorHandler);
  MethodForEach(closeEvents, function (ev) { listen(ev, closeHandler); });
  if (signal) signal.addEventListener('abort', abortListener, { once: true });
  var iterator = {
    next: function () {
      if (queue.length > 0) return PromiseResolve({ value: MethodShift(queue), done: false });
      if (error) {
        var p = PromiseReject(error);
        error = null;
        return p;
      }
      if (finished) return PromiseResolve({ value: undefined, done: true });
      return new Promise(function (resolve, reject) { MethodPush(pending, { resolve: resolve, reject: reject }); });
    },
    return: function () {
      closeIterator();
      return PromiseResolve({ value: undefined, done: true });
    },
    throw: function (err) {
      if (!err || !(err instanceof Error)) throw internals.invalidArgType('EventEmitter.AsyncIterator', 'Error', err);
      errorHandler(err);
    },
  };
  iterator[Symbol.asyncIterator] = function () { return this; };
  return iterator;
};

EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
  if (typeof emitter.listeners === 'function') return emitter.listeners(type);
  var list = WeakMapPrototypeGet(kTarget, emitter);
  return list && MethodGet(list, String(type)) ? MethodMap(MethodGet(list, String(type)), function (e) { return e.listener; }) : [];
};

EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (n === undefined) n = defaultMaxListeners;
  validateMax(n, 'n');
  var targets = ArrayPrototypeSlice(arguments, 1);
  if (targets.length === 0) defaultMaxListeners = n;
  else {
    MethodForEach(targets, function (t) {
      if (t && typeof t.setMaxListeners === 'function') t.setMaxListeners(n);
      else if (t instanceof EventTarget) t[kMaxEventTargetListeners] = n; // (jsvm's EventTarget does not warn)
      else throw internals.invalidArgType('eventTargets', 'an instance of EventEmitter or EventTarget', t);
    });
  }
};
EventEmitter.getMaxListeners = function getMaxListeners(emitter) { return emitter.getMaxListeners(); };

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = captureRejectionSymbol;
EventEmitter.captureRejections = false;
EventEmitter.errorMonitor = errorMonitor;
EventEmitter.init = EventEmitter.init;

// ---- EventTarget, Event, AbortController, AbortSignal (web globals the
// host takes from here; not enumerable, as Node's events module has none) ----

var customInspect = SymbolFor('nodejs.util.inspect.custom');
var kEvent = new WeakMap();
var kTarget = new WeakMap();
var timeOrigin = DateNow();

var DOMExceptionClass = typeof DOMException === 'function' ? DOMException : (function () {
  var codes = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NoModificationAllowedError: 7,
    NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
  class DOMException extends Error {
    constructor(message, options) {
      super(message === undefined ? '' : String(message));
      var name = 'Error';
      if (options !== undefined && options !== null && typeof options === 'object') {
        if (options.name !== undefined) name = String(options.name);
        if ('cause' in options) ObjectDefineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
      } else if (options !== undefined) {
        name = String(options);
      }
      ObjectDefineProperty(this, '_name', { value: name });
    }
    get name() { return this._name; }
    get code() { return codes[this._name] || 0; }
  }
  return DOMException;
})();

function abortError() {
  return new DOMExceptionClass('This operation was aborted', 'AbortError');
}

class Event {
  constructor(type, options) {
    if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    if (options != null && typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
    options = options || {};
    WeakMapPrototypeSet(kEvent, this, {
      type: String(type), bubbles: !!options.bubbles, cancelable: !!options.cancelable, composed: !!options.composed,
      defaultPrevented: false, timeStamp: DateNow() - timeOrigin, target: null, currentTarget: null,
      stop: false, stopImmediate: false, dispatching: false,
    });
  }
  get type() { return WeakMapPrototypeGet(kEvent, this).type; }
  get bubbles() { return WeakMapPrototypeGet(kEvent, this).bubbles; }
  get cancelable() { return WeakMapPrototypeGet(kEvent, this).cancelable; }
  get composed() { return WeakMapPrototypeGet(kEvent, this).composed; }
  get defaultPrevented() { var e = WeakMapPrototypeGet(kEvent, this); return e.cancelable && e.defaultPrevented; }
  get timeStamp() { return WeakMapPrototypeGet(kEvent, this).timeStamp; }
  get target() { return WeakMapPrototypeGet(kEvent, this).target; }
  get currentTarget() { return WeakMapPrototypeGet(kEvent, this).currentTarget; }
  get srcElement() { return WeakMapPrototypeGet(kEvent, this).target; }
  get isTrusted() { return false; }
  get eventPhase() { return WeakMapPrototypeGet(kEvent, this).dispatching ? 2 : 0; }
  get returnValue() { return !this.defaultPrevented; }
  get cancelBubble() { return WeakMapPrototypeGet(kEvent, this).stop; }
  composedPath() { var e = WeakMapPrototypeGet(kEvent, this); return e.dispatching ? [e.currentTarget] : []; }
  preventDefault() { WeakMapPrototypeGet(kEvent, this).defaultPrevented = true; }
  stopPropagation() { WeakMapPrototypeGet(kEvent, this).stop = true; }
  stopImmediatePropagation() { var e = WeakMapPrototypeGet(kEvent, this); e.stop = true; e.stopImmediate = true; }
  [customInspect](depth, opts, inspect) {
    var e = WeakMapPrototypeGet(kEvent, this);
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    var name = this.constructor && this.constructor.name || 'Event';
    return name + ' ' + fn({ type: e.type, defaultPrevented: this.defaultPrevented, cancelable: e.cancelable, timeStamp: e.timeStamp }, opts);
  }
}
Event.NONE = 0; Event.CAPTURING_PHASE = 1; Event.AT_TARGET = 2; Event.BUBBLING_PHASE = 3;

var kDetail = new WeakMap();
class CustomEvent extends Event {
  constructor(type, options) {
    if (arguments.length === 0) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    super(type, options);
    WeakMapPrototypeSet(kDetail, this, options != null && options.detail !== undefined ? options.detail : null);
  }
  get detail() {
    if (!WeakMapPrototypeHas(kDetail, this)) throw internals.newError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type CustomEvent');
    return WeakMapPrototypeGet(kDetail, this);
  }
}

function listenersOf(target) {
  var m = WeakMapPrototypeGet(kTarget, target);
  if (!m) { m = new Map(); WeakMapPrototypeSet(kTarget, target, m); }
  return m;
}

class EventTarget {
  constructor() { listenersOf(this); }
  addEventListener(type, listener, options) {
    if (arguments.length < 2) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
    if (listener == null) return;
    if (typeof listener !== 'function' && (typeof listener !== 'object' || listener === null)) {
      throw internals.invalidArgType('listener', 'an instance of EventListener', listener);
    }
    var opts = typeof options === 'boolean' ? { capture: options } : (options || {});
    type = String(type);
    var map = listenersOf(this);
    var list = MethodGet(map, type);
    if (!list) { list = []; MethodSet(map, type, list); }
    var capture = !!opts.capture;
    for (var i = 0; i < list.length; i++) if (list[i].listener === listener && list[i].capture === capture) return;
    var entry = { listener: listener, capture: capture, once: !!opts.once, removed: false };
    var signal = opts.signal;
    if (signal !== undefined) {
      if (signal.aborted) return;
      var self = this;
      signal.addEventListener('abort', function () { self.removeEventListener(type, listener, { capture: capture }); }, { once: true });
    }
    MethodPush(list, entry);
  }
  removeEventListener(type, listener, options) {
    var capture = typeof options === 'boolean' ? options : !!(options && options.capture);
    var list = MethodGet(listenersOf(this), String(type));
    if (!list) return;
    for (var i = 0; i < list.length; i++) {
      if (list[i].listener === listener && list[i].capture === capture) {
        list[i].removed = true;
        MethodSplice(list, i, 1);
        return;
      }
    }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw internals.invalidArgType('event', 'an instance of Event', event);
    var e = WeakMapPrototypeGet(kEvent, event);
    if (e.dispatching) throw internals.newError('Error', 'ERR_EVENT_RECURSION', 'The event "' + e.type + '" is already being dispatched');
    e.dispatching = true;
    e.target = this;
    e.currentTarget = this;
    var list = MethodSlice((MethodGet(listenersOf(this), e.type) || []));
    for (var i = 0; i < list.length; i++) {
      var entry = list[i];
      if (entry.removed) continue;
      if (entry.once) this.removeEventListener(e.type, entry.listener, { capture: entry.capture });
      try {
        var fn = entry.listener;
        if (typeof fn === 'function') FunctionPrototypeCall(fn, this, event);
        else if (typeof fn.handleEvent === 'function') fn.handleEvent(event);
      } catch (err) {
        queueMicrotask(function () { throw err; });
      }
      if (e.stopImmediate) break;
    }
    e.dispatching = false;
    e.currentTarget = null;
    return !event.defaultPrevented;
  }
  [customInspect](depth, opts, inspect) {
    return (this.constructor && this.constructor.name || 'EventTarget') + ' {}';
  }
}

var kSignal = new WeakMap();
var allowSignal = false;

class AbortSignal extends EventTarget {
  constructor() {
    if (!allowSignal) throw internals.newError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    WeakMapPrototypeSet(kSignal, this, { aborted: false, reason: undefined, onabort: null });
  }
  get aborted() { return WeakMapPrototypeGet(kSignal, this).aborted; }
  get reason() { return WeakMapPrototypeGet(kSignal, this).reason; }
  get onabort() { return WeakMapPrototypeGet(kSignal, this).onabort; }
  set onabort(fn) {
    var st = WeakMapPrototypeGet(kSignal, this);
    if (st.onabort) this.removeEventListener('abort', st.onabort);
    st.onabort = typeof fn === 'function' ? fn : null;
    if (st.onabort) this.addEventListener('abort', st.onabort);
  }
  throwIfAborted() {
    var st = WeakMapPrototypeGet(kSignal, this);
    if (st.aborted) throw st.reason;
  }
  static abort(reason) {
    var s = newSignal();
    var st = WeakMapPrototypeGet(kSignal, s);
    st.aborted = true;
    st.reason = reason === undefined ? abortError() : reason;
    return s;
  }
  static timeout(ms) {
    var s = newSignal();
    setTimeout(function () {
      abortSignal(s, new DOMExceptionClass('The operation was aborted due to timeout', 'TimeoutError'));
    }, ms);
    return s;
  }
  static any(signals) {
    var s = newSignal();
    for (var i = 0; i < signals.length; i++) {
      if (signals[i].aborted) { abortSignal(s, signals[i].reason); return s; }
    }
    MethodForEach(signals, function (x) {
      x.addEventListener('abort', function () { abortSignal(s, x.reason); }, { once: true });
    });
    return s;
  }
  [customInspect](depth, opts, inspect) {
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return 'AbortSignal ' + fn({ aborted: this.aborted }, opts);
  }
}

function newSignal() {
  allowSignal = true;
  try { return new AbortSignal(); } finally { allowSignal = false; }
}

function abortSignal(signal, reason) {
  var st = WeakMapPrototypeGet(kSignal, signal);
  if (st.aborted) return;
  st.aborted = true;
  st.reason = reason;
  signal.dispatchEvent(new Event('abort'));
}

class AbortController {
  constructor() { ObjectDefineProperty(this, '_signal', { value: newSignal() }); }
  get signal() { return this._signal; }
  abort(reason) { abortSignal(this._signal, reason === undefined ? abortError() : reason); }
  [customInspect](depth, opts, inspect) {
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return 'AbortController { signal: ' + fn(this._signal, opts) + ' }';
  }
}

MethodForEach([Event, CustomEvent, EventTarget, AbortSignal, AbortController], function (C) {
  ObjectDefineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
});

function addAbortListener(signal, listener) {
  if (signal === undefined) throw internals.invalidArgType('signal', 'an instance of AbortSignal', signal);
  if (typeof listener !== 'function') throw internals.invalidArgType('listener', 'of type function', listener);
  if (signal.aborted) {
    queueMicrotask(function () { listener(); });
  } else {
    signal.addEventListener('abort', listener, { once: true });
  }
  return { __proto__: null, [Symbol.dispose || SymbolFor('nodejs.dispose')]: function () { signal.removeEventListener('abort', listener); } };
}

EventEmitter.addAbortListener = addAbortListener;
MethodForEach([['EventTarget', EventTarget], ['Event', Event], ['CustomEvent', CustomEvent], ['AbortController', AbortController], ['AbortSignal', AbortSignal], ['DOMException', DOMExceptionClass]], function (p) {
  ObjectDefineProperty(EventEmitter, p[0], { value: p[1], writable: true, configurable: true, enumerable: false });
});

module.exports = EventEmitter;
