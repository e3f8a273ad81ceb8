package host

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// sobek formats an error's `stack` itself, on first access, in its own
// shape ("\tat f (file:1:2(3))") and has no Error.stackTraceLimit. Node
// programs read `err.stack` and set the limit, so the host's global Error
// is a Proxy of the intrinsic that gives every error it constructs a
// V8-shaped `stack` cut to Error.stackTraceLimit frames, and
// Error.captureStackTrace exists. Identity holds where programs look:
// `new Error() instanceof Error`, `e.constructor === Error`, subclasses.
// Errors the engine throws itself (a TypeError from `null.x`) are not
// constructed through it; they are reshaped where they are shown.
const errorStackSource = `(function installErrorStacks(fix) {
  'use strict';
  const E = Error;
  // intrinsics taken now, before user code runs: every error is made here,
  // and a script that replaces Object or Reflect must not break that
  const { defineProperty, getPrototypeOf } = Object;
  const { apply: reflectApply, construct: reflectConstruct, get: reflectGet } = Reflect;
  // format makes the stack text of e from its V8 frame lines, or, when
  // Error.prepareStackTrace is a function (read now, as V8 does on first
  // access), what it returns for e and the frames' CallSite objects.
  // Inside prepareStackTrace, stacks are formatted the default way.
  let preparing = false;
  const format = (e, lines) => {
    const prep = P.prepareStackTrace;
    if (typeof prep === 'function' && !preparing) {
      preparing = true;
      try { return prep(e, lines.map(callSite)); } finally { preparing = false; }
    }
    let head;
    try { head = E.prototype.toString.call(e); } catch { head = 'Error'; }
    return lines.length ? head + '\n' + lines.join('\n') : head;
  };
  // callSite parses one "    at ..." line into V8's CallSite API.
  const frameRE = /^ {4}at (?:(.*?) \((.*)\)|(.*))$/;
  const locRE = /^(.*):(\d+):(\d+)$/;
  class CallSite {
    constructor(line) {
      const m = frameRE.exec(line) || [];
      let name = m[1] !== undefined ? m[1] : null;
      const loc = m[1] !== undefined ? m[2] : m[3] || '';
      this.text = line.slice(7);
      this.async = false;
      this.ctor = false;
      if (name && name.startsWith('async ')) { this.async = true; name = name.slice(6); }
      if (name && name.startsWith('new ')) { this.ctor = true; name = name.slice(4); }
      let alias = null;
      if (name) {
        const a = / \[as ([^\]]+)\]$/.exec(name);
        if (a) { alias = a[1]; name = name.slice(0, a.index); }
      }
      this.typeName = null;
      this.fnName = name;
      this.methodName = alias;
      if (name && !this.ctor) {
        const dot = name.lastIndexOf('.');
        if (dot > 0) {
          this.typeName = name.slice(0, dot);
          const fn = name.slice(dot + 1);
          this.fnName = fn === '<anonymous>' ? null : name;
          if (alias === null) this.methodName = fn === '<anonymous>' ? null : fn;
        }
      }
      const l = locRE.exec(loc);
      this.file = l ? l[1] : (loc === 'native' || loc === '<anonymous>' || loc === '' ? null : loc);
      this.line = l ? Number(l[2]) : null;
      this.column = l ? Number(l[3]) : null;
      this.native = loc === 'native';
      this.eval = false;
    }
    getThis() { return undefined; }
    getTypeName() { return this.typeName; }
    getFunction() { return undefined; }
    getFunctionName() { return this.fnName; }
    getMethodName() { return this.methodName; }
    getFileName() { return this.file === null ? undefined : this.file; }
    getLineNumber() { return this.line; }
    getColumnNumber() { return this.column; }
    getEnclosingLineNumber() { return this.line; }
    getEnclosingColumnNumber() { return this.column; }
    getEvalOrigin() { return undefined; }
    getScriptNameOrSourceURL() { return this.file === null ? undefined : this.file; }
    getScriptHash() { return ''; }
    getPosition() { return 0; }
    getPromiseIndex() { return null; }
    isToplevel() { return this.typeName === null || this.typeName === 'Object'; }
    isEval() { return this.eval; }
    isNative() { return this.native; }
    isConstructor() { return this.ctor; }
    isAsync() { return this.async; }
    isPromiseAll() { return false; }
    toString() { return this.text; }
  }
  const callSite = (line) => new CallSite(line);
  // V8 formats a stack on first access (so a subclass constructor that
  // sets this.name after super() is in its head), starting below the
  // outermost constructor: keep the frames now, make the text on first read.
  const wrap = (e, skip) => {
    const frames = fix(e, P.stackTraceLimit, skip);
    if (typeof frames !== 'string') return e;
    defineProperty(e, 'stack', {
      get() {
        const v = format(this, frames ? frames.slice(1).split('\n') : []);
        // a frozen error keeps the accessor: the text is made on each read
        try { defineProperty(this, 'stack', { value: v, writable: true, configurable: true, enumerable: false }); } catch {}
        return v;
      },
      set(v) {
        defineProperty(this, 'stack', { value: v, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
      enumerable: false,
    });
    return e;
  };
  const depth = (nt) => { let n = 0; for (let c = nt; c && c !== P && c !== E; c = getPrototypeOf(c)) n++; return n; };
  const P = new Proxy(E, {
    construct(target, args, newTarget) {
      const nt = newTarget === P ? target : newTarget;
      return wrap(reflectConstruct(target, args, nt), depth(nt));
    },
    apply(target, self, args) { return wrap(reflectApply(target, self, args), 0); },
    // sobek cannot run instanceof against a Proxy; answer it here
    get(target, key, receiver) {
      return key === Symbol.hasInstance ? hasInstance : reflectGet(target, key, receiver);
    },
  });
  // a subclass (class A extends Error) reaches this trap through its
  // prototype chain: it answers for itself, by its own prototype
  const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];
  const hasInstance = { [Symbol.hasInstance](v) { return this === P ? v instanceof E : reflectApply(ordinaryHasInstance, this, [v]); } }[Symbol.hasInstance];
  E.stackTraceLimit = 10;
  defineProperty(E.prototype, 'constructor', { value: P, writable: true, configurable: true, enumerable: false });
  // a method as V8's: non-enumerable, no prototype
  defineProperty(E, 'captureStackTrace', { value: { captureStackTrace(obj, fn) {
    const e = new E();
    const lines = ('Error' + fix(e, P.stackTraceLimit + 1, 0)).split('\n');
    let frames = lines.slice(1);
    if (frames.length && frames[0].includes('captureStackTrace')) frames.shift(); // itself, if fix kept it
    if (typeof fn === 'function' && fn.name) {
      const i = frames.findIndex((l) => l.includes(' ' + fn.name + ' ') || l.includes('.' + fn.name + ' '));
      if (i >= 0) frames = frames.slice(i + 1);
    }
    const body = frames.slice(0, P.stackTraceLimit);
    // as V8, the head is made when the stack is first read: constructors
    // that set name and message after captureStackTrace show them
    defineProperty(obj, 'stack', {
      get() {
        const v = format(this, body);
        try { defineProperty(this, 'stack', { value: v, writable: true, configurable: true, enumerable: false }); } catch {}
        return v;
      },
      set(v) { defineProperty(this, 'stack', { value: v, writable: true, configurable: true, enumerable: false }); },
      configurable: true,
      enumerable: false,
    });
  } }.captureStackTrace, writable: true, enumerable: false, configurable: true });
  defineProperty(globalThis, 'Error', { value: P, writable: true, configurable: true, enumerable: false });
  // the other error classes inherit from the global Error, as in V8
  // (Error.isPrototypeOf(TypeError) is how assert tells classes apart)
  for (const name of ['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError']) {
    if (typeof globalThis[name] === 'function') Object.setPrototypeOf(globalThis[name], P);
  }
})`

// errorStackFile names the frames of the Proxy above, which fix drops.
const errorStackFile = "node:internal/errors"

func (h *Host) installErrorStacks() error {
	rt := h.Runtime
	// Go code of the host keeps using the intrinsic: sobek's instanceof
	// and stack capture do not see through the Proxy
	h.errorCtor, _ = rt.GlobalObject().Get("Error").(*sobek.Object)
	// fix(e, limit, skip) returns the V8-shaped frames of e's stack ("\n
	// at ..." lines): the proxy's and Reflect's frames dropped, then skip
	// more (the constructors of subclasses), at most limit.
	fix := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		e, ok := c.Argument(0).(*sobek.Object)
		if !ok {
			return sobek.Undefined()
		}
		limit := -1
		if l := c.Argument(1); sobek.IsNumber(l) {
			if f := l.ToFloat(); f >= 0 && f < 1e6 {
				limit = int(f)
			}
		}
		skip := int(c.Argument(2).ToInteger())
		st := e.Get("stack")
		if st == nil || sobek.IsUndefined(st) {
			return sobek.Undefined()
		}
		return rt.ToValue(v8Frames(st.String(), limit, skip))
	})
	v, err := rt.RunScript(errorStackFile, errorStackSource)
	if err != nil {
		return err
	}
	install, _ := sobek.AssertFunction(v)
	_, err = install(sobek.Undefined(), fix)
	return err
}

// v8Frames reshapes the frames of a sobek stack: V8's format, without the
// frames of the Error proxy and of Reflect in front of the caller's, skip
// more dropped, at most limit (limit < 0: all). It returns them as "\n
// at ..." lines, without the head.
func v8Frames(s string, limit, skip int) string {
	lines := strings.Split(stack.V8(s), "\n")
	head := 0
	for head < len(lines) && !strings.HasPrefix(lines[head], "    at ") {
		head++
	}
	frames := lines[head:]
	for len(frames) > 0 && (strings.Contains(frames[0], errorStackFile) || strings.HasSuffix(frames[0], "(<anonymous>)") || frames[0] == "    at <anonymous>") {
		frames = frames[1:]
	}
	if skip > 0 {
		frames = frames[min(skip, len(frames)):]
	}
	if limit >= 0 && len(frames) > limit {
		frames = frames[:limit]
	}
	if len(frames) == 0 {
		return ""
	}
	return "\n" + strings.Join(frames, "\n")
}

// intrinsicError returns the engine's own Error constructor.
func (h *Host) intrinsicError() *sobek.Object {
	if h.errorCtor != nil {
		return h.errorCtor
	}
	o, _ := h.Runtime.GlobalObject().Get("Error").(*sobek.Object)
	return o
}

// ShapeEngineError gives an error the engine threw itself, whose stack is
// still sobek's (errors constructed through the global Error are shaped
// when made), V8's words and stack: the message translated, the frames in
// V8's format, at most Error.stackTraceLimit of them. Code that catches
// errors to inspect them as Node would (assert.throws) calls it.
func (h *Host) ShapeEngineError(v sobek.Value) {
	o, ok := v.(*sobek.Object)
	if !ok || !h.isError(v) {
		return
	}
	defer func() { _ = recover() }() // a hostile error must not break the check
	if o.ClassName() != "Error" {
		return // a Proxy or a host object: not the engine's
	}
	st, ok := o.Get("stack").Export().(string)
	if !ok || !strings.Contains(st, "\n\tat ") {
		return
	}
	stack.TranslateFromStack(o) // V8's words for engine errors (and the stack's head)
	st, _ = o.Get("stack").Export().(string)
	i := strings.Index(st, "\n\tat ")
	if i < 0 {
		return
	}
	limit := -1
	if e, ok := h.Runtime.GlobalObject().Get("Error").(*sobek.Object); ok {
		if l := e.Get("stackTraceLimit"); l != nil && sobek.IsNumber(l) {
			if f := l.ToFloat(); f >= 0 && f < 1e6 {
				limit = int(f)
			} else if f >= 1e6 {
				limit = 1 << 30
			}
		} else {
			limit = 0 // not a number: V8 captures no frames
		}
	}
	_ = o.Set("stack", st[:i]+v8Frames(st, limit, 0))
}
