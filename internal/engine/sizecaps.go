package engine

import (
	"math"
	"sync"

	"github.com/grafana/sobek"
)

// The string size caps. sobek builds what String.prototype.repeat,
// padStart, padEnd and Array.prototype.join are asked for in one Go
// allocation, and Go's out-of-memory is fatal to the process; V8 throws
// RangeError: Invalid string length past its longest string. Every realm
// jsvm makes (contexts, sandboxes) gets checking replacements of those
// four, through sobek's lazy templates (templates.go) when they are
// found: a realm pays for a replacement only when its code first reads
// the method. core/sizecaps.go has the buffer caps and the per-realm
// fallback; TestSobekAllocatesUnchecked (core) notices when sobek starts
// checking itself.

// MaxStringLength is V8's longest string, in UTF-16 code units.
const MaxStringLength = 1<<29 - 24

var prepared struct {
	once sync.Once
	lazy bool // the string caps are in sobek's templates
	// builtins: every builtin of builtins.go is in sobek's templates
	builtins bool
	// resizable: resizable ArrayBuffers can be offered (resizable.go)
	resizable bool
}

// Prepare readies sobek for jsvm's realms, once per process: the regex
// match bound and the string caps. Isolates and sandboxes call it before
// they make a runtime (the template writes must happen before any realm
// of theirs reads the templates). It is not called at init, so a program
// that links jsvm without using it keeps sobek and regexp2 as they are.
// Runtimes of the process that jsvm did not make get the caps too.
func Prepare() {
	prepared.once.Do(func() {
		BoundRegexMatches()
		if !LazyMethods() {
			return
		}
		ok := true
		for i := range StringCaps {
			sc := &StringCaps[i]
			ok = WrapLazyMethod(sc.Proto, sc.Name, func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
				return sc.Capped(rt, orig, func(msg string) *sobek.Object {
					if e := NewRangeError(rt, msg); e != nil {
						return e
					}
					return rt.NewGoError(rangeErr(msg))
				})
			}) && ok
		}
		prepared.lazy = ok
		wrapStringRegexMethods()
		wrapStringSplit()
		wrapAllocChecks()
		wrapHoleyMethods()
		wrapBind()
		prepared.builtins = addBuiltins()
		prepared.resizable = wrapResizableViews()
		GuardProxies()
	})
}

// StringCapsLazy reports whether every realm gets the string caps from
// sobek's templates; when false, core installs them in each context.
func StringCapsLazy() bool {
	Prepare()
	return prepared.lazy
}

type rangeErr string

func (e rangeErr) Error() string { return string(e) }

// Direct returns the Go function of fn, a function a wrapper calls from
// inside a native (the builtin it replaces): sobek exports a native
// function as its func(FunctionCall) Value and a JS one as its Call. A
// direct call is what the VM's own call of the builtin does; a Callable
// (Call) adds a Try frame, two defers and a recover per call, which for
// %ArrayIteratorPrototype%.next (every for-of step) was a tenth of a
// for-of-heavy package's CPU. Exceptions and interrupts propagate as they
// would from the builtin itself.
func Direct(fn *sobek.Object) (func(sobek.FunctionCall) sobek.Value, bool) {
	if fn == nil {
		return nil, false
	}
	f, ok := fn.Export().(func(sobek.FunctionCall) sobek.Value)
	return f, ok && f != nil
}

// Call calls a builtin and re-throws its exception (for natives that wrap
// one: core's JSON depth cap, the size caps).
func Call(fn sobek.Callable, this sobek.Value, args ...sobek.Value) sobek.Value {
	v, err := fn(this, args...)
	if err != nil {
		panic(err)
	}
	return v
}

// thisString is RequireObjectCoercible(this) + ToString(this); undefined
// and null go to the original, which throws its own TypeError.
func thisString(rt *sobek.Runtime, this sobek.Value) (sobek.String, bool) {
	if this == nil || sobek.IsUndefined(this) || sobek.IsNull(this) {
		return nil, false
	}
	return toString(rt, this), true
}

// ToString is toString, for the builtins core replaces.
func ToString(rt *sobek.Runtime, v sobek.Value) sobek.String { return toString(rt, v) }

// toString is ToString(v): a primitive's string, an object's through its
// methods, a TypeError for a Symbol (sobek's Value.ToString keeps numbers
// and symbols as they are).
func toString(rt *sobek.Runtime, v sobek.Value) sobek.String {
	if _, ok := v.(*sobek.Symbol); ok {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return toStr(v)
}

// A StringCap makes a realm's capped replacement of a builtin method:
// rangeError makes a RangeError of that realm.
type StringCap struct {
	Proto, Name string
	check       func(rt *sobek.Runtime, orig sobek.Callable, rangeError func(string) *sobek.Object) func(sobek.FunctionCall) sobek.Value
}

// StringCaps are the methods capped.
var StringCaps = [...]StringCap{
	{"String.prototype", "repeat", capRepeat},
	{"String.prototype", "padStart", capPad},
	{"String.prototype", "padEnd", capPad},
	{"Array.prototype", "join", capJoin},
}

// The replacement is a checking native with orig's name and length.
// Capped makes the replacement of orig in rt.
func (sc *StringCap) Capped(rt *sobek.Runtime, orig *sobek.Object, rangeError func(string) *sobek.Object) *sobek.Object {
	call, ok := sobek.AssertFunction(orig)
	if !ok {
		return orig
	}
	fn := rt.ToValue(sc.check(rt, call, rangeError)).(*sobek.Object)
	_ = fn.DefineDataProperty("name", rt.ToValue(sc.Name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return fn
}

func capRepeat(rt *sobek.Runtime, orig sobek.Callable, rangeError func(string) *sobek.Object) func(sobek.FunctionCall) sobek.Value {
	return func(fc sobek.FunctionCall) sobek.Value {
		s, ok := thisString(rt, fc.This)
		if !ok {
			return Call(orig, fc.This, fc.Arguments...)
		}
		n := fc.Argument(0).ToNumber()
		if f := n.ToFloat(); s.Length() > 0 && !math.IsInf(f, 1) && f >= 0 && math.Trunc(f)*float64(s.Length()) > MaxStringLength {
			panic(rangeError("Invalid string length"))
		}
		return Call(orig, s, n)
	}
}

func capPad(rt *sobek.Runtime, orig sobek.Callable, rangeError func(string) *sobek.Object) func(sobek.FunctionCall) sobek.Value {
	return func(fc sobek.FunctionCall) sobek.Value {
		s, ok := thisString(rt, fc.This)
		if !ok {
			return Call(orig, fc.This, fc.Arguments...)
		}
		n := fc.Argument(0).ToNumber()
		fill := fc.Argument(1)
		if !sobek.IsUndefined(fill) {
			fill = toString(rt, fill)
		}
		if f := n.ToFloat(); f > float64(s.Length()) && f > MaxStringLength && (sobek.IsUndefined(fill) || fill.(sobek.String).Length() > 0) {
			panic(rangeError("Invalid string length"))
		}
		return Call(orig, s, n, fill)
	}
}

// JoinNestLimit is how many joins of one realm (join, toString,
// toLocaleString of arrays) may run one inside another before the next
// throws V8's RangeError. sobek's join recurses in Go through its
// elements' toString without a JS frame its call budget counts, and each
// level scans the arrays being joined (its cycle check): String() of a
// 1e5-deep nested array took minutes and gigabytes. V8's stack runs out
// at 3,218 levels of String()/join and 3,587 of toLocaleString (node v20).
const JoinNestLimit = 3600

// joinNest counts a realm's joins in progress.
type joinNest struct{ depth int }

// enter counts one more join, throwing rt's RangeError past the limit;
// the caller defers leave.
func (n *joinNest) enter(rt *sobek.Runtime) {
	if n.depth >= JoinNestLimit {
		(&proxyRealm{rt: rt}).overflow()
	}
	n.depth++
}

func (n *joinNest) leave() { n.depth-- }

// joinNests is each realm's count, shared by its join and toLocaleString.
var joinNests PerRuntime[joinNest]

func joinNestOf(rt *sobek.Runtime) *joinNest {
	return joinNests.Get(rt, func() *joinNest { return &joinNest{} })
}

func capJoin(rt *sobek.Runtime, orig sobek.Callable, rangeError func(string) *sobek.Object) func(sobek.FunctionCall) sobek.Value {
	var joining []*sobek.Object // holeyJoin's cycle check
	nest := joinNestOf(rt)
	return func(fc sobek.FunctionCall) sobek.Value {
		nest.enter(rt)
		defer nest.leave()
		// only a real array's length is read here: it is a data
		// property, so reading it again in the original is not
		// observable
		if a, ok := fc.This.(*sobek.Object); ok && a.ClassName() == "Array" {
			for _, o := range joining {
				if o == a {
					return rt.ToValue("") // a cycle, before the length is looked at (V8's order)
				}
			}
			n := a.Get("length").ToFloat()
			sepLen := 1
			if sep := fc.Argument(0); !sobek.IsUndefined(sep) {
				s := toString(rt, sep)
				sepLen = s.Length()
				if n > 1 && (n-1)*float64(sepLen) > MaxStringLength {
					panic(rangeError("Invalid string length"))
				}
				if h, l, ok := holeyReceiver(a); ok {
					return holeyJoin(rt, &h, l, s, &joining)
				}
				return Call(orig, a, s)
			}
			if n > 1 && (n-1)*float64(sepLen) > MaxStringLength {
				panic(rangeError("Invalid string length"))
			}
			if h, l, ok := holeyReceiver(a); ok {
				return holeyJoin(rt, &h, l, rt.ToValue(",").(sobek.String), &joining)
			}
		}
		return Call(orig, fc.This, fc.Arguments...)
	}
}
