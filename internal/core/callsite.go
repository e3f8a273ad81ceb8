package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// V8's CallSite objects, which Error.prepareStackTrace gets for the
// frames of an error (depd, source-map-support and callsites read them).
// The class is made in a realm the first time its prepareStackTrace runs.
// getThis and getFunction are the frame's receiver and function, undefined
// from the first strict frame on (V8's rule), and for a function that was
// collected meanwhile.
const callSiteSource = `(function () {
  'use strict';
  class CallSite {
    constructor(d) {
      this.d = d;
    }
    getThis() { return this.d[13]; }
    getTypeName() { return this.d[0]; }
    getFunction() { return this.d[14]; }
    getFunctionName() { return this.d[1]; }
    getMethodName() { return this.d[2]; }
    getFileName() { return this.d[3]; }
    getLineNumber() { return this.d[4]; }
    getColumnNumber() { return this.d[5]; }
    getEnclosingLineNumber() { return this.d[4]; }
    getEnclosingColumnNumber() { return this.d[5]; }
    getEvalOrigin() { return this.d[11]; }
    getScriptNameOrSourceURL() { return this.d[3]; }
    getScriptHash() { return ''; }
    getPosition() { return 0; }
    getPromiseIndex() { return null; }
    isToplevel() { return this.d[6]; }
    isEval() { return this.d[9]; }
    isNative() { return false; }
    isConstructor() { return this.d[8]; }
    isAsync() { return this.d[10]; }
    isPromiseAll() { return false; }
    toString() { return this.d[12]; }
  }
  return (d) => new CallSite(d);
})()`

// newCallSite makes the CallSite of s in c.
func (c *Context) newCallSite(s *stack.Site, this, fn sobek.Value, globalMethod string) sobek.Value {
	if c.stacks.callSite == nil {
		v, err := c.rt.RunScript("node:internal/callsite", callSiteSource)
		if err != nil {
			panic(err)
		}
		c.stacks.callSite, _ = sobek.AssertFunction(v)
	}
	orNull := func(v string) any {
		if v == "" {
			return nil
		}
		return v
	}
	var file, line, col, origin any
	if !s.Native {
		if s.File != "" {
			file = s.File
		}
		if s.Line > 0 {
			line, col = s.Line, s.Col
		}
		if s.Eval {
			origin = s.EvalOrigin
		}
	}
	name := orNull(s.Func)
	if strings.HasSuffix(s.Func, ".<anonymous>") {
		name = nil // V8's names of anonymous code, not the function's
	}
	typ := any(nil)
	method := any(nil)
	if !s.TopLevel && !s.Construct {
		typ, method = orNull(s.Type), orNull(s.Method)
	} else if globalMethod != "" {
		method = globalMethod
	}
	if file == nil && !s.Native {
		file = sobek.Undefined() // eval code's (a builtin's is null)
	}
	if origin == nil {
		origin = sobek.Undefined()
	}
	if this == nil {
		this = sobek.Undefined()
	}
	if fn == nil {
		fn = sobek.Undefined()
	}
	d := c.rt.NewArray(typ, name, method, file, line, col, s.TopLevel, s.Native, s.Construct, s.Eval, s.Async, origin, s.String(), this, fn)
	v, err := c.stacks.callSite(sobek.Undefined(), d)
	if err != nil {
		panic(err)
	}
	return v
}
