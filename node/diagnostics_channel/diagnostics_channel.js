// jsvm's `diagnostics_channel` builtin, after Node's
// lib/diagnostics_channel.js. Wrapped by diagnostics_channel.go in
// (function(module, exports, internals, require) { ... }).
'use strict';

// Channels are kept by name while they have subscribers or someone holds
// them (Node keeps them in a WeakRef map; a channel object in hand is
// always the registered one).
const channels = new Map(); // name -> WeakRef<Channel> | Channel

function validateFunction(fn, name) {
  if (typeof fn !== 'function') throw internals.invalidArgType(name, 'of type function', fn);
}

function reportError(err) {
  process.nextTick(() => { throw err; });
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
  }

  static [Symbol.hasInstance](instance) {
    return instance !== null && typeof instance === 'object' && typeof instance.name !== 'undefined' &&
      ObjectGetPrototypeOf(instance) === Channel.prototype;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    this._subscribers = this._subscribers ? [...SafeIterable(this._subscribers), subscription] : [subscription];
    MethodSet(channels, this.name, this);
  }

  unsubscribe(subscription) {
    if (!this._subscribers) return false;
    const index = MethodIndexOf(this._subscribers, subscription);
    if (index === -1) return false;
    const next = MethodSlice(this._subscribers);
    MethodSplice(next, index, 1);
    this._subscribers = next.length ? next : undefined;
    this._release();
    return true;
  }

  bindStore(store, transform) {
    const stores = this._stores ? new Map(this._stores) : new Map();
    MethodSet(stores, store, transform);
    this._stores = stores;
    MethodSet(channels, this.name, this);
  }

  unbindStore(store) {
    if (!this._stores || !MethodHas(this._stores, store)) return false;
    const stores = new Map(this._stores);
    MethodDelete(stores, store);
    this._stores = stores.size ? stores : undefined;
    this._release();
    return true;
  }

  _release() {
    if (!this._subscribers && !this._stores && typeof WeakRef === 'function') MethodSet(channels, this.name, new WeakRef(this));
  }

  get hasSubscribers() {
    return this._subscribers !== undefined || this._stores !== undefined;
  }

  publish(data) {
    const subscribers = this._subscribers;
    if (!subscribers) return;
    for (let i = 0; i < subscribers.length; i++) {
      try {
        subscribers[i](data, this.name);
      } catch (err) {
        reportError(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return ReflectApply(fn, thisArg, args);
    };
    if (this._stores) {
      for (const [store, transform] of SafeIterable(this._stores)) {
        const next = run;
        let value = data;
        if (transform) {
          try {
            value = transform(data);
          } catch (err) {
            reportError(err);
            continue;
          }
        }
        run = () => store.run(value, next);
      }
    }
    return run();
  }
}

function channel(name) {
  const held = MethodGet(channels, name);
  if (held !== undefined) {
    const c = typeof WeakRef === 'function' && held instanceof WeakRef ? held.deref() : held;
    if (c !== undefined) return c;
  }
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw internals.invalidArgType('channel', 'of type string or symbol', name);
  }
  const c = new Channel(name);
  MethodSet(channels, name, typeof WeakRef === 'function' ? new WeakRef(c) : c);
  return c;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const held = MethodGet(channels, name);
  if (held === undefined) return false;
  const c = typeof WeakRef === 'function' && held instanceof WeakRef ? held.deref() : held;
  return c !== undefined && c.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const e of SafeIterable(traceEvents)) {
        ObjectDefineProperty(this, e, { value: channel(`tracing:${nameOrChannels}:${e}`), enumerable: false });
      }
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const e of SafeIterable(traceEvents)) {
        const c = nameOrChannels[e];
        if (!(c instanceof Channel)) throw internals.invalidArgType(`nameOrChannels.${e}`, 'an instance of Channel', c);
        ObjectDefineProperty(this, e, { value: c, enumerable: false });
      }
    } else {
      throw internals.invalidArgType('nameOrChannels', 'of type string or an instance of TracingChannel or Object', nameOrChannels);
    }
  }

  get hasSubscribers() {
    return MethodSome(traceEvents, (e) => this[e].hasSubscribers);
  }

  subscribe(handlers) {
    for (const e of SafeIterable(traceEvents)) if (handlers[e]) this[e].subscribe(handlers[e]);
  }

  unsubscribe(handlers) {
    let done = true;
    for (const e of SafeIterable(traceEvents)) {
      if (handlers[e] && !this[e].unsubscribe(handlers[e])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = ReflectApply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return PromiseReject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    return start.runStores(context, () => {
      try {
        const p = ReflectApply(fn, thisArg, args);
        if (!(p instanceof Promise)) return p;
        return PromisePrototypeThen(p, resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = MethodAt(args, position);
    validateFunction(callback, 'callback');
    function wrapped(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      asyncStart.runStores(context, () => {
        try {
          return ReflectApply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    MethodSplice(args, position, 1, wrapped);
    return start.runStores(context, () => {
      try {
        return ReflectApply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
