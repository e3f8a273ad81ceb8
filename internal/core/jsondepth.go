package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// JSON.stringify of deep nesting. sobek's stringify recurses on the Go
// stack and checks for cycles by scanning the list of the objects being
// serialised, once per object: quadratic in the depth (100,000 levels take
// over a minute, and a million would hang), where V8 runs out of stack
// after about 4,200 levels and throws RangeError "Maximum call stack size
// exceeded". jsvm's JSON.stringify hands sobek's a replacer function (a Go
// native, calling the caller's replacer, if any, first) that sees every
// holder and so knows the depth: deeper than MaxJSONDepth is V8's
// RangeError. A replacer is observable only to itself, so output and
// errors are the original's. An array replacer (a property list) is
// passed as it is: only the listed keys nest, and the depth stays
// unchecked there. The same replacer picks up the run's interrupts in
// sobek's loop over a huge array and refuses an Array whose text could
// not fit in V8's longest string before sobek walks it.

// MaxJSONDepth is the deepest nesting JSON.stringify serialises; V8's
// default stack holds about 4,200 levels.
const MaxJSONDepth = 5000

// capJSON marks a context whose JSON.stringify checks the depth.
const capJSON = 1 << 10

// capJSONDepth replaces c's JSON.stringify and JSON.parse, once.
func (c *Context) capJSONDepth() {
	c.capped |= capJSON
	json, _ := c.builtins.Get("JSON").(*sobek.Object)
	if json == nil {
		return
	}
	c.wordJSONParse(json)
	isArray, _ := sobek.AssertFunction(c.builtins.Get("Array").(*sobek.Object).Get("isArray"))
	c.replaceMethod(json, "stringify", func(orig sobek.Callable) func(sobek.FunctionCall) sobek.Value {
		return func(fc sobek.FunctionCall) sobek.Value {
			replacer := fc.Argument(1)
			user, isFn := sobek.AssertFunction(replacer)
			if !isFn && isArray != nil {
				if a, ok := replacer.(*sobek.Object); ok && engine.Call(isArray, nil, a).ToBoolean() {
					return engine.Call(orig, nil, fc.Argument(0), replacer, fc.Argument(2))
				}
			}
			// the holders being serialised, outermost first: a call for
			// holder h pops the finished siblings' subtrees down to h
			var path []*sobek.Object
			tick := engine.Ticker(c.rt) // sobek's loop over a huge array calls this for every index
			depth := func(fc sobek.FunctionCall) sobek.Value {
				tick()
				holder, _ := fc.This.(*sobek.Object)
				for len(path) > 0 && path[len(path)-1] != holder {
					path = path[:len(path)-1]
				}
				if len(path) == 0 {
					path = append(path, holder) // the root's wrapper
				}
				v := fc.Argument(1)
				if isFn {
					v = engine.Call(user, fc.This, fc.Argument(0), v)
				}
				if o, ok := v.(*sobek.Object); ok {
					if len(path) > MaxJSONDepth {
						panic(c.rangeError(StackOverflowMessage))
					}
					path = append(path, o)
					engine.CheckJSONArray(c.rt, o)
				}
				return v
			}
			return engine.Call(orig, nil, fc.Argument(0), c.rt.ToValue(depth), fc.Argument(2))
		}
	})
}

// replaceMethod puts a native in place of obj[name], with its name and
// length.
func (c *Context) replaceMethod(obj *sobek.Object, name string, wrap func(orig sobek.Callable) func(sobek.FunctionCall) sobek.Value) {
	origV := obj.Get(name)
	orig, ok := sobek.AssertFunction(origV)
	if !ok {
		return
	}
	length := origV.(*sobek.Object).Get("length")
	fn := c.rt.ToValue(wrap(orig)).(*sobek.Object)
	_ = fn.DefineDataProperty("name", c.rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", length, sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = obj.DefineDataProperty(name, fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// JSON.parse's errors in V8's words. sobek's JSON.parse words its
// SyntaxErrors as Go's encoding/json does ("invalid character '}'
// looking for beginning of value"), with no position; V8 says "Unexpected
// token '}', "{"a":}" is not valid JSON" or "Expected ',' or '}' after
// property value in JSON at position 6". jsvm's JSON.parse converts its
// argument to a string (once, as sobek would) and keeps it where the
// realm's hooked SyntaxError sees it (fixErrorWords): an error that
// sobek's parser itself makes is reworded from the text
// (stack.JSONWords); errors of a reviver are not.
func (c *Context) wordJSONParse(json *sobek.Object) {
	c.replaceMethod(json, "parse", func(orig sobek.Callable) func(sobek.FunctionCall) sobek.Value {
		return func(fc sobek.FunctionCall) sobek.Value {
			c.hookMoreWords()
			text := engine.ToString(c.rt, fc.Argument(0))
			s := text.String()
			saved := c.jsonText
			c.jsonText = &s
			defer func() { c.jsonText = saved }()
			if len(fc.Arguments) > 1 {
				return engine.Call(orig, nil, text, fc.Arguments[1])
			}
			return engine.Call(orig, nil, text)
		}
	})
}

// jsonWords is V8's message for a SyntaxError made while a JSON.parse
// runs, or "". Only sobek's parser can have made it: a reviver (the only
// code JSON.parse runs after its argument's ToString) runs only on a
// valid text, where JSONWords finds no error and the words stay.
func (c *Context) jsonWords() string {
	if c.jsonText == nil {
		return ""
	}
	if w, ok := stack.JSONWords(*c.jsonText); ok {
		return w
	}
	return ""
}
