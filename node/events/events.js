'use strict';
// EventEmitter, written for jsvm. internals: {inspect(v), invalidArgType(name, expected, value),
// outOfRange(name, range, value), newError(kind, code, msg), warn(msg, name)}
var kCapture = Symbol('kCapture');
var kShapeMode = Symbol('shapeMode');
var errorMonitor = Symbol('events.errorMonitor');
var captureRejectionSymbol = Symbol.for('nodejs.rejection');
var defaultMaxListeners = 10;

function checkListener(listener) {
  if (typeof listener !== 'function') throw internals.invalidArgType('listener', 'of type function', listener);
}

function validateMax(n, name) {
  if (typeof n !== 'number') throw internals.invalidArgType(name, 'of type number', n);
  if (n < 0 || n !== n) throw internals.outOfRange(name, '>= 0', n);
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

EventEmitter.init = function (opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
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

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
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
  var args = Array.prototype.slice.call(arguments, 1);
  var doError = type === 'error';
  var events = this._events;
  if (events !== undefined) {
    if (doError && events[errorMonitor] !== undefined) this.emit.apply(this, [errorMonitor].concat(args));
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
    handler.apply(this, args);
  } else {
    var listeners = handler.slice();
    for (var i = 0; i < listeners.length; ++i) listeners[i].apply(this, args);
  }
  return true;
};

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  var events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
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
      existing.unshift(listener);
    } else {
      existing.push(listener);
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
    return this.listener.apply(this.target, arguments);
  }
}

function onceWrap(target, type, listener) {
  var state = { fired: false, wrapFn: undefined, target: target, type: type, listener: listener };
  var wrapped = onceWrapper.bind(state);
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
    else if (this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    var position = -1;
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) { position = i; break; }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
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
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    var keys = Reflect.ownKeys(events);
    for (var k = 0; k < keys.length; k++) {
      if (keys[k] === 'removeListener') continue;
      this.removeAllListeners(keys[k]);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
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
  return unwrap ? l.map(function (f) { return f.listener || f; }) : l.slice();
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
      return l.filter(function (f) { return f === listener || f.listener === listener; }).length;
    }
  }
  return 0;
}
EventEmitter.prototype.listenerCount = listenerCount;
EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
};

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

EventEmitter.once = function once(emitter, name, options) {
  return new Promise(function (resolve, reject) {
    var errorListener = function (err) {
      emitter.removeListener(name, resolver);
      reject(err);
    };
    var resolver = function () {
      if (name !== 'error') emitter.removeListener('error', errorListener);
      resolve(Array.prototype.slice.call(arguments));
    };
    emitter.once(name, resolver);
    if (name !== 'error') emitter.once('error', errorListener);
  });
};

EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
  return emitter.listeners(type);
};

EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (n === undefined) n = defaultMaxListeners;
  validateMax(n, 'n');
  var targets = Array.prototype.slice.call(arguments, 1);
  if (targets.length === 0) defaultMaxListeners = n;
  else targets.forEach(function (t) { t.setMaxListeners(n); });
};
EventEmitter.getMaxListeners = function getMaxListeners(emitter) { return emitter.getMaxListeners(); };

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = captureRejectionSymbol;
EventEmitter.captureRejections = false;
EventEmitter.errorMonitor = errorMonitor;
EventEmitter.init = EventEmitter.init;

module.exports = EventEmitter;
