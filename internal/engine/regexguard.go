package engine

import (
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unsafe"
	"weak"

	"github.com/dlclark/regexp2"
	"github.com/grafana/sobek"
)

// A regular expression match longer than RegexMatchTimeout reads as "no
// match" in sobek (regexp.go: regexp2 returns its timeout error, and every
// find path of sobek drops it): /(a+)+\1?b|a/.test('a'.repeat(40)) would
// be false, a silent wrong answer. regexp2 has no hook, and its compiled
// patterns are shared by every runtime that runs the same program (a
// per-run timeout written there would race), so the matching builtins of
// each realm are wrapped instead: a wrapper times its call and, when the
// answer is "no match" and the call took at least the bound, throws
// RangeError [ERR_JSVM_REGEX_TIMEOUT] (a match shorter than the bound
// cannot have timed out; a longer one that failed did, or came within the
// timer's slack of it).
//
// Wrapped, on the realm's RegExp.prototype: exec and test (one match,
// whatever the receiver), [Symbol.match], [Symbol.search],
// [Symbol.replace] and [Symbol.split] (their fast path, taken for a
// standard RegExp, finds every match in one regexp2 pass that reads as no
// match at all when any step timed out; their generic path calls exec,
// which is wrapped). matchAll's iterator calls exec. The String methods
// reach these through the RegExp's symbols; match, matchAll and search
// make a RegExp from a string argument, so they are wrapped in sobek's
// process-wide String.prototype template to guard the realm (GuardRegExps)
// the first time they run in it.
//
// Writing exec on RegExp.prototype switches off sobek's fast path for the
// realm (it guards exec), so the write keeps the prototype's guarded
// implementation (one field, Object.self, saved and restored). The layout
// read (Runtime.global.RegExpPrototype, a RegExp's standard flag and
// prototype) is checked at start-up against a probe runtime;
// TestRegExpGuardLayout fails loudly when sobek changes it, and
// GuardRegExps then guards nothing (timeouts read as no match again).
//
// Time spent in the caller's code that runs inside the wrapped call (the
// replacer function of replace, an argument's toString, done before the
// timing starts) is not counted. What is still counted: user code run by
// a generic path (an exec of the user's own, a Symbol.species getter):
// such a call taking over the bound with no match is reported as a
// timeout too.

// matchBound is the bound the wrappers check: RegexMatchTimeout, shorter
// in tests (SetRegexBound).
var matchBound = RegexMatchTimeout

// SetRegexBound makes d the match bound of patterns compiled from now on
// and of the wrappers, for tests (a catastrophic match then takes d, not
// a second); it returns a function restoring the bound. Not for use while
// other goroutines compile or match.
func SetRegexBound(d time.Duration) (restore func()) {
	Prepare()
	old, oldDefault := matchBound, regexp2.DefaultMatchTimeout
	matchBound, regexp2.DefaultMatchTimeout = d, d
	return func() { matchBound, regexp2.DefaultMatchTimeout = old, oldDefault }
}

// RegexTimeoutCode is the code of the error a timed-out match throws.
const RegexTimeoutCode = "ERR_JSVM_REGEX_TIMEOUT"

// RegexTimeoutMessage is its message.
const RegexTimeoutMessage = "Regular expression match exceeded jsvm's bound of 1 s (a catastrophic pattern or a huge input)"

var regexLayout struct {
	once sync.Once
	ok   bool
	// offsets in sobek.Runtime of global.RegExpPrototype
	protoOff uintptr
	// the field Object.self (objectImpl)
	self reflect.StructField
	// *regexpObject and *guardedObject, the implementations of a
	// standard RegExp and of RegExp.prototype
	rxType, guardedType reflect.Type
	// their itabs as objectImpl (regexIface)
	rxTab, guardedTab unsafe.Pointer
	// offsets in regexpObject of standard and baseObject.prototype
	standardOff, protoOfOff uintptr
	// offsets of regexpObject.pattern and of regexpPattern.regexp2Wrapper
	// (nil until the pattern ran on regexp2, the only engine with a
	// timeout: Go's regexp, which sobek prefers, is linear and unbounded)
	patternOff, regexp2Off uintptr
	// offset of regexpPattern.regexpWrapper, Go's regexp (regexscan.go;
	// 0: unknown)
	goRegexpOff uintptr
	// offset of regexpObject.source (a sobek.String)
	sourceOff uintptr
	// sobek's own String.prototype.search factory (GuardRegExps)
	search func(*sobek.Runtime) sobek.Value
}

func findRegexLayout() {
	rtT := reflect.TypeFor[sobek.Runtime]()
	g, ok := rtT.FieldByName("global")
	if !ok || g.Type.Kind() != reflect.Struct {
		return
	}
	rp, ok := g.Type.FieldByName("RegExpPrototype")
	if !ok || rp.Type != reflect.TypeFor[*sobek.Object]() {
		return
	}
	self, ok := reflect.TypeFor[sobek.Object]().FieldByName("self")
	if !ok || self.Type.Kind() != reflect.Interface {
		return
	}
	regexLayout.protoOff = g.Offset + rp.Offset
	regexLayout.self = self
	rt := sobek.New()
	if regexProtoOf(rt) != nil {
		return // made before any regex: not the lazy field
	}
	v, err := rt.RunString(`/a/`)
	if err != nil {
		return
	}
	rx, _ := v.(*sobek.Object)
	proto := regexProtoOf(rt)
	if rx == nil || proto == nil || rx.Prototype() != proto {
		return
	}
	rxImpl, protoImpl := implOf(rx), implOf(proto)
	if !rxImpl.IsValid() || !protoImpl.IsValid() || rxImpl.Kind() != reflect.Pointer || rxImpl.Elem().Kind() != reflect.Struct || protoImpl.Kind() != reflect.Pointer {
		return
	}
	rxT := rxImpl.Elem().Type()
	std, ok := rxT.FieldByName("standard")
	if !ok || std.Type.Kind() != reflect.Bool {
		return
	}
	pf, ok := rxT.FieldByName("prototype") // promoted from baseObject
	if !ok || pf.Type != reflect.TypeFor[*sobek.Object]() || len(pf.Index) != 2 {
		return
	}
	base := rxT.Field(pf.Index[0])
	pat, ok := rxT.FieldByName("pattern")
	if !ok || pat.Type.Kind() != reflect.Pointer || pat.Type.Elem().Kind() != reflect.Struct {
		return
	}
	r2, ok := pat.Type.Elem().FieldByName("regexp2Wrapper")
	if !ok || r2.Type.Kind() != reflect.Pointer {
		return
	}
	regexLayout.patternOff, regexLayout.regexp2Off = pat.Offset, r2.Offset
	findGoRegexpLayout(pat.Type.Elem())
	src, ok := rxT.FieldByName("source")
	if !ok || src.Type != reflect.TypeFor[sobek.String]() {
		return
	}
	regexLayout.sourceOff = src.Offset
	regexLayout.standardOff = std.Offset
	regexLayout.protoOfOff = base.Offset + pf.Offset
	regexLayout.rxType = rxImpl.Type()
	regexLayout.guardedType = protoImpl.Type()
	regexLayout.rxTab, regexLayout.guardedTab = selfWords(rx).tab, selfWords(proto).tab
	if w := selfWords(rx); w.data != rxImpl.UnsafePointer() {
		return
	}
	if !isStandardRegExp(rx, proto) {
		return
	}
	if s := rawSource(rx); s == nil || s.String() != "a" {
		return
	}
	// a RegExp with an own property is no longer standard
	if _, err := rt.RunString(`var r = /a/; r.exec = RegExp.prototype.exec; r`); err != nil {
		return
	}
	if r2, _ := rt.Get("r").(*sobek.Object); r2 == nil || isStandardRegExp(r2, proto) {
		return
	}
	if LazyMethods() {
		regexLayout.search, _ = lazyProtos.str.factoryOf("search")
	}
	// a pattern Go's regexp runs has no regexp2 engine; a backreference
	// needs one
	if usedRegexp2(rx) {
		return
	}
	if _, err := rt.RunString(`var b = /(a)\1/; b.test('aa'); b`); err != nil {
		return
	}
	if b, _ := rt.Get("b").(*sobek.Object); b == nil || !usedRegexp2(b) {
		return
	}
	regexLayout.ok = true
}

// usedRegexp2 reports whether the RegExp rx has run on regexp2 (a
// timed-out match is possible only then).
func usedRegexp2(rx *sobek.Object) bool {
	pat := patternOf(rx)
	if pat == nil {
		return false
	}
	return *(*unsafe.Pointer)(unsafe.Add(pat, regexLayout.regexp2Off)) != nil
}

// selfOf reads o's implementation (Object.self), settable.
func selfOf(o *sobek.Object) reflect.Value {
	f := regexLayout.self
	return reflect.NewAt(f.Type, unsafe.Add(unsafe.Pointer(o), f.Offset)).Elem()
}

func implOf(o *sobek.Object) reflect.Value {
	s := selfOf(o)
	if s.IsNil() {
		return reflect.Value{}
	}
	return s.Elem()
}

// regexProtoOf reads rt's RegExp.prototype, nil until the realm made one.
func regexProtoOf(rt *sobek.Runtime) *sobek.Object {
	return *(**sobek.Object)(unsafe.Add(unsafe.Pointer(rt), regexLayout.protoOff))
}

// isStandardRegExp is sobek's checkStdRegexp: o takes the fast paths of
// the Symbol methods.
func isStandardRegExp(o *sobek.Object, proto *sobek.Object) bool {
	p := regexpData(o)
	if p == nil {
		return false
	}
	if !*(*bool)(unsafe.Add(p, regexLayout.standardOff)) {
		return false
	}
	if *(**sobek.Object)(unsafe.Add(p, regexLayout.protoOfOff)) != proto {
		return false
	}
	return selfWords(proto).tab == regexLayout.guardedTab
}

func isRegExp(o *sobek.Object) bool {
	return regexpData(o) != nil
}

// regexIface is the layout of a Go interface value (Object.self): the pointer
// to its itab, unique for each (interface, concrete type) pair, and its
// data. Reading it is what reflect does, without reflect's cost on the
// matching builtins' path.
type regexIface struct{ tab, data unsafe.Pointer }

func selfWords(o *sobek.Object) regexIface {
	return *(*regexIface)(unsafe.Add(unsafe.Pointer(o), regexLayout.self.Offset))
}

// regexpData is o's *regexpObject, nil when o is not a sobek regexp.
func regexpData(o *sobek.Object) unsafe.Pointer {
	if o == nil {
		return nil
	}
	w := selfWords(o)
	if w.tab != regexLayout.rxTab || w.tab == nil {
		return nil
	}
	return w.data
}

// RegExpGuardWorks reports whether sobek's layout is the one known
// (TestRegExpGuardLayout).
func RegExpGuardWorks() bool {
	regexLayout.once.Do(findRegexLayout)
	return regexLayout.ok
}

// guardedRealms are the runtimes whose RegExp.prototype is wrapped.
var guardedRealms sync.Map // weak.Pointer[sobek.Runtime] -> *regexGuard

type regexGuard struct {
	rt    *sobek.Runtime
	proto *sobek.Object
	// callbacks is the time the caller's code ran inside wrapped calls
	// (replacer functions), subtracted from their timings
	callbacks time.Duration
	// match is the realm's own RegExp.prototype[Symbol.match], to count
	// the matches of a replace (allocguard.go)
	match sobek.Callable
	// exec is the realm's own RegExp.prototype.exec (test runs it, and
	// the legacy statics replay with it: regexplegacy.go)
	exec sobek.Callable
	// execWrapper is the wrapped exec on RegExp.prototype
	execWrapper *sobek.Object
	// last and pending: the legacy statics' match (regexplegacy.go)
	last    lastMatch
	pending *pendingMatch
}

// RegExpGuarded reports whether rt's RegExp.prototype is wrapped.
func RegExpGuarded(rt *sobek.Runtime) bool {
	_, ok := guardedRealms.Load(weak.Make(rt))
	return ok
}

// HasRegExpPrototype reports whether rt made its RegExp.prototype.
func HasRegExpPrototype(rt *sobek.Runtime) bool {
	return RegExpGuardWorks() && regexProtoOf(rt) != nil
}

// GuardRegExps wraps the matching methods of rt's RegExp.prototype (see
// above), once per realm; create says to make the realm's RegExp.prototype
// when it has none yet (else only one that exists is guarded). It reports
// whether the realm is guarded.
func GuardRegExps(rt *sobek.Runtime, create bool) bool {
	if !RegExpGuardWorks() {
		return false
	}
	key := weak.Make(rt)
	if _, ok := guardedRealms.Load(key); ok {
		return true
	}
	proto := regexProtoOf(rt)
	if proto == nil && create && regexLayout.search != nil {
		// sobek's own String.prototype.search of rt makes the realm's
		// RegExp.prototype, reading no global: ''.search('')
		if fn, _ := propValue(regexLayout.search(rt), lazyProtos.value).(*sobek.Object); fn != nil {
			if search, ok := sobek.AssertFunction(fn); ok {
				_, _ = search(rt.ToValue(""), rt.ToValue(""))
			}
		}
		proto = regexProtoOf(rt)
	}
	if proto == nil {
		return false
	}
	g := &regexGuard{rt: rt, proto: proto}
	guardedRealms.Store(key, g)
	runtime.AddCleanup(rt, func(k weak.Pointer[sobek.Runtime]) { guardedRealms.Delete(k) }, key)
	g.install()
	return true
}

const (
	kExec = iota
	kTest
	kMatch
	kSearch
	kReplace
	kSplit
)

func (g *regexGuard) install() {
	rt, proto := g.rt, g.proto
	impl := selfOf(proto)
	saved := reflect.New(impl.Type()).Elem()
	saved.Set(impl)
	for _, m := range [...]struct {
		name string
		sym  *sobek.Symbol
		kind int
	}{
		{"exec", nil, kExec}, {"test", nil, kTest},
		{"[Symbol.match]", sobek.SymMatch, kMatch}, {"[Symbol.search]", sobek.SymSearch, kSearch},
		{"[Symbol.replace]", sobek.SymReplace, kReplace}, {"[Symbol.split]", sobek.SymSplit, kSplit},
	} {
		var v sobek.Value
		if m.sym != nil {
			v = proto.GetSymbol(m.sym)
		} else {
			v = proto.Get(m.name)
		}
		orig, ok := sobek.AssertFunction(v)
		if !ok {
			continue
		}
		if m.kind == kMatch {
			g.match = orig
		}
		if m.kind == kExec {
			g.exec = orig
		}
		fn := rt.ToValue(g.wrap(orig, m.kind)).(*sobek.Object)
		if m.kind == kExec {
			g.execWrapper = fn
		}
		_ = fn.DefineDataProperty("name", rt.ToValue(m.name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", v.(*sobek.Object).Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		if m.sym != nil {
			_ = proto.DefineDataPropertySymbol(m.sym, fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		} else {
			_ = proto.DefineDataProperty(m.name, fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		}
	}
	g.installSourceAccessors()
	g.installLegacyStatics()
	// writing exec switched the prototype to a plain object; its
	// properties live in the same embedded struct, so restore the guard
	impl.Set(saved)
}

// KeepRegExpGuard runs write, which redefines properties of a realm's
// RegExp.prototype that sobek guards for its fast path (exec, the flag
// getters) with functions that answer as the originals for the realm's
// own regexps (core's cross-realm forwarders), and keeps the prototype
// guarded, as install does for its wrappers.
func KeepRegExpGuard(proto *sobek.Object, write func()) {
	if !RegExpGuardWorks() || selfWords(proto).tab != regexLayout.guardedTab {
		write()
		return
	}
	impl := selfOf(proto)
	saved := reflect.New(impl.Type()).Elem()
	saved.Set(impl)
	write()
	impl.Set(saved)
}

// lastIndexPlain reports whether reading o's lastIndex runs no code: a
// number (a valueOf of an object would run inside the timed call).
func lastIndexPlain(o *sobek.Object) bool {
	switch o.Get("lastIndex").ExportType() {
	case reflect.TypeFor[int64](), reflect.TypeFor[float64]():
		return true
	}
	return false
}

func (g *regexGuard) timeout() {
	throwRegexTimeout(g.rt)
}

var interruptProbe = sync.OnceValue(func() *sobek.Program {
	return sobek.MustCompile("", "void 0", true)
})

// throwRegexTimeout throws the timeout's RangeError, unless the run was
// interrupted meanwhile (its own timeout, SIGINT, the memory limit fired
// during the match): then the interrupt, which one instruction of JS
// picks up, so the run ends as it would have had the match been
// interruptible.
func throwRegexTimeout(rt *sobek.Runtime) {
	if _, err := rt.RunProgram(interruptProbe()); err != nil {
		panic(err)
	}
	panic(RegexTimeoutError(rt))
}

// RegexTimeoutError makes the RangeError a timed-out match throws, in rt's
// realm (read from no global).
func RegexTimeoutError(rt *sobek.Runtime) sobek.Value {
	e := NewRangeError(rt, RegexTimeoutMessage)
	if e == nil {
		return rt.NewGoError(rangeErr(RegexTimeoutMessage))
	}
	_ = e.DefineDataProperty("code", rt.ToValue(RegexTimeoutCode), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	return e
}

func (g *regexGuard) wrap(orig sobek.Callable, kind int) func(sobek.FunctionCall) sobek.Value {
	return func(fc sobek.FunctionCall) sobek.Value {
		this, _ := fc.This.(*sobek.Object)
		if kind == kTest && this != nil && g.exec != nil && !isStandardRegExp(this, g.proto) {
			if res, ok := g.genericTest(this, fc); ok {
				return res
			}
		}
		if this == nil || !isRegExp(this) {
			// not a RegExp: the original throws, or a generic path
			// whose matching calls exec
			return Call(orig, fc.This, fc.Arguments...)
		}
		std := isStandardRegExp(this, g.proto)
		fast := kind <= kTest || std
		if kind <= kTest {
			var rec *rxFlags
			if kind == kExec && !std {
				if rec = flagsOf(this); rec != nil && rec.v {
					rec.stepOverPair(this, fc.Argument(0)) // regexpflags.go
				}
			}
			res := g.execOrTest(orig, kind, this, fc)
			if rec != nil {
				if rec.d {
					addIndices(g.rt, this, rec, res) // regexpflags.go
				}
				if rec.v {
					rec.noteEmptyMatch(res)
				}
			}
			return res
		}
		var p *pendingMatch
		if std && kind > kTest {
			p = g.pendingFor(this, kind, fc)
		}
		calls := 0
		res := g.wrapped(orig, kind, this, fc, fast, &calls)
		if p != nil {
			matched, failed := false, false
			switch kind {
			case kMatch:
				failed = sobek.IsNull(res)
				matched = !failed
			case kSearch:
				failed = res.ToInteger() == -1
				matched = !failed
			case kReplace:
				matched = calls > 0 || !res.StrictEquals(p.subject)
			case kSplit:
				if a, ok := res.(*sobek.Object); ok {
					matched = a.Get("length").ToInteger() > 1
				}
			}
			if !failed {
				g.recordPending(p, matched)
			}
		}
		return res
	}
}

// execOrTest runs exec or test on a RegExp, for the statics: a match
// with a plain lastIndex and a primitive subject is replayed when they are
// read (recording it costs a pendingMatch); otherwise test runs the
// builtin exec and the match is recorded at once.
func (g *regexGuard) execOrTest(orig sobek.Callable, kind int, this *sobek.Object, fc sobek.FunctionCall) sobek.Value {
	li := this.Get("lastIndex")
	arg := fc.Argument(0)
	_, argObj := arg.(*sobek.Object)
	_, argSym := arg.(*sobek.Symbol)
	switch li.ExportType() {
	case reflect.TypeFor[int64](), reflect.TypeFor[float64]():
		if !argObj && !argSym {
			res := g.wrapped(orig, kind, this, fc, true)
			if kind == kExec && !sobek.IsNull(res) || kind == kTest && res.ToBoolean() {
				g.recordPending(&pendingMatch{rx: this, pattern: patternOf(this), subject: toStr(arg), kind: replayOnce, start: li}, true)
			}
			return res
		}
	}
	if kind == kTest && g.exec != nil {
		res := g.wrapped(g.exec, kExec, this, fc, true)
		g.recordExec(res)
		return g.rt.ToValue(!sobek.IsNull(res))
	}
	res := g.wrapped(orig, kind, this, fc, true)
	g.recordExec(res)
	return res
}

// genericTest is test's RegExpExec for a receiver that is not a standard
// RegExp (sobek's test ignores an exec of its own and refuses an object
// that is no RegExp): its exec when that is callable and not the realm's
// own; ok false to take the builtin's path.
func (g *regexGuard) genericTest(this *sobek.Object, fc sobek.FunctionCall) (sobek.Value, bool) {
	s := toStr(fc.Argument(0))
	ev := this.Get("exec")
	fn, callable := sobek.AssertFunction(ev)
	if !callable || ev == g.execWrapper {
		if !isRegExp(this) {
			// the builtin exec on an object that is no RegExp: its
			// TypeError
			return Call(g.exec, this, s), true
		}
		fc.Arguments = []sobek.Value{s}
		return nil, false
	}
	res := Call(fn, this, s)
	if _, isObj := res.(*sobek.Object); !isObj && !sobek.IsNull(res) {
		panic(g.rt.NewTypeError("RegExp exec method returned something other than an Object or null"))
	}
	return g.rt.ToValue(!sobek.IsNull(res)), true
}

// pendingFor describes the scan of a fast path's call for the statics
// (reading nothing observable: a standard RegExp's flags and a plain
// lastIndex).
func (g *regexGuard) pendingFor(rx *sobek.Object, kind int, fc sobek.FunctionCall) *pendingMatch {
	subj := fc.Argument(0)
	s, ok := subj.(sobek.String)
	if !ok {
		if _, isObj := subj.(*sobek.Object); isObj {
			return nil // its conversion runs code: not twice
		}
		if _, isSym := subj.(*sobek.Symbol); isSym {
			return nil
		}
		s = toStr(subj)
	}
	p := &pendingMatch{rx: rx, pattern: patternOf(rx), subject: s, kind: replayOnce, start: g.rt.ToValue(0), lim: 1<<32 - 1}
	switch kind {
	case kSplit:
		p.kind = replaySplit
		if l := fc.Argument(1); !sobek.IsUndefined(l) {
			if _, isObj := l.(*sobek.Object); isObj {
				return nil
			}
			p.lim = int64(toUint32(l.ToFloat()))
		}
	case kSearch:
	default:
		if rx.Get("global").ToBoolean() {
			p.kind = replayGlobal
		} else if lastIndexPlain(rx) {
			p.start = rx.Get("lastIndex")
		}
	}
	return p
}

// wrapped runs orig, a matching builtin, on the RegExp this, timed (see
// the top of the file); calls counts the replacer's calls of a replace.
func (g *regexGuard) wrapped(orig sobek.Callable, kind int, this *sobek.Object, fc sobek.FunctionCall, fast bool, counted ...*int) sobek.Value {
	if !fast || !lastIndexPlain(this) {
		return Call(orig, fc.This, fc.Arguments...)
	}
	// the conversions run the caller's code: before the timing
	args := make([]sobek.Value, max(len(fc.Arguments), 1))
	copy(args, fc.Arguments)
	if args[0] == nil {
		args[0] = sobek.Undefined()
	}
	s := toStr(args[0]) // (ToString of a number or boolean is no sobek.String)
	args[0] = s
	calls := 0
	if len(counted) > 0 {
		defer func() { *counted[0] = calls }()
	}
	if kind == kReplace && len(args) > 1 {
		if fn, ok := sobek.AssertFunction(args[1]); ok {
			args[1] = g.rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
				calls++
				t := time.Now()
				defer func() { g.callbacks += time.Since(t) }()
				return Call(fn, c.This, c.Arguments...)
			})
		} else if args[1] != nil {
			args[1] = args[1].ToString()
			g.checkReplace(this, s, args[1].String())
		}
	}
	if kind != kSplit && (kind != kSearch || this.Get("lastIndex").ToFloat() == 0) {
		if scanFindsNothing(g.rt, this, s) { // regexscan.go
			return noMatchAnswer(g.rt, kind, this, s)
		}
	}
	cb := g.callbacks
	start := time.Now()
	res := Call(orig, this, args...)
	if time.Since(start)-(g.callbacks-cb) < matchBound || !usedRegexp2(this) {
		return res
	}
	if noMatch(kind, res, s, calls) {
		g.timeout()
	}
	return res
}

// noMatch reports whether res is a method's answer for "no match".
func noMatch(kind int, res sobek.Value, s sobek.Value, calls int) bool {
	switch kind {
	case kExec, kMatch:
		return sobek.IsNull(res)
	case kTest:
		return !res.ToBoolean()
	case kSearch:
		return res.ToInteger() == -1
	case kReplace:
		return calls == 0 && res.StrictEquals(s)
	case kSplit:
		a, ok := res.(*sobek.Object)
		if !ok || a.ClassName() != "Array" || a.Get("length").ToInteger() != 1 {
			return false
		}
		return a.Get("0").StrictEquals(s)
	}
	return false
}

// stringRegexMethods make a RegExp of a string argument: their template
// wrappers guard the realm (see above).
var stringRegexMethods = [...]struct {
	name string
	kind int
}{{"match", kMatch}, {"matchAll", -1}, {"search", kSearch}}

// wrapStringRegexMethods puts the guarding wrappers into sobek's
// String.prototype template (from Prepare).
func wrapStringRegexMethods() {
	if !RegExpGuardWorks() {
		return
	}
	for _, m := range stringRegexMethods {
		kind := m.kind
		WrapLazyMethod("String.prototype", m.name, func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
			call, ok := sobek.AssertFunction(orig)
			if !ok {
				return orig
			}
			guarded := false
			fn := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
				if !guarded {
					guarded = GuardRegExps(rt, false)
				}
				if guarded {
					return Call(call, fc.This, fc.Arguments...)
				}
				// the realm's first RegExp is made by this call: time
				// it here when no code of the caller runs inside
				_, thisObj := fc.This.(*sobek.Object)
				_, argObj := fc.Argument(0).(*sobek.Object)
				start := time.Now()
				res := Call(call, fc.This, fc.Arguments...)
				d := time.Since(start)
				guarded = GuardRegExps(rt, false)
				if kind >= 0 && !thisObj && !argObj && d >= matchBound && noMatch(kind, res, nil, 0) {
					throwRegexTimeout(rt)
				}
				return res
			}).(*sobek.Object)
			_ = fn.DefineDataProperty("name", rt.ToValue(m.name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
			_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
			return fn
		})
	}
}

// maxCounted is the longest string whose matches are counted first.
const maxCounted = 1 << 22

// checkReplace checks the size of a standard RegExp's replace of s with
// rep (allocguard.go): the worst case, else the matches counted with the
// realm's own match when counting them fits.
func (g *regexGuard) checkReplace(rx *sobek.Object, s sobek.String, rep string) {
	l := s.Length()
	grow := float64(len(rep)) + substitutionGrowth(rep, l)
	if float64(l)+float64(l+1)*grow < checkedBytes/2 {
		return
	}
	ascii := isASCII(s.String()) && isASCII(rep)
	if !rx.Get("global").ToBoolean() { // the standard getter
		checkString(g.rt, float64(l)+grow, ascii)
		return
	}
	if l > maxCounted && ascii {
		if n, matched, ok := countGoMatches(g.rt, rx, s.String(), float64(len(rep))); ok {
			checkString(g.rt, float64(l-matched)+replacedLength(rep, n, matched, l), ascii)
			checkAlloc(g.rt, float64(n)*pieceBytes)
		}
		return
	}
	if g.match == nil || MemoryLeft == nil || l > maxCounted || float64(l+1)*pieceBytes > MemoryLeft() {
		return // counting would cost as much as the replace: unchecked
	}
	m, _ := Call(g.match, rx, s).(*sobek.Object)
	if m == nil {
		return
	}
	n := int(m.Get("length").ToInteger())
	matched := 0
	for i := 0; i < n; i++ {
		if v, ok := m.Get(strconv.Itoa(i)).(sobek.String); ok {
			matched += v.Length()
		}
	}
	checkString(g.rt, float64(l-matched)+replacedLength(rep, n, matched, l), ascii)
	checkAlloc(g.rt, float64(n)*pieceBytes)
}
