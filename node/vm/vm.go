// Package vm is the host's `vm` builtin: Node's vm module on jsvm's core.
// The classes and argument validation are JavaScript (vm.js, compiled once
// per process); contexts, compilation and runs are Go natives.
package vm

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/stack"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed vm.js
var source string

var program = sync.OnceValues(func() (*sobek.Program, error) {
	return sobek.Compile("node:vm", source, true)
})

// script is the Go side of a vm.Script.
type script struct {
	s   *core.Script
	dyn *dynInfo // importModuleDynamically and import attributes (module.go)
	// cached: s came from the isolate's compilation cache and may be
	// shared with other Scripts of the same source (scriptInfo gives a
	// Script with import() state a program of its own)
	cached bool
}

// module is the state of one loaded vm builtin.
type module struct {
	h       *host.Host
	rt      *sobek.Runtime
	main    *core.Context
	enqueue sobek.Callable // queues a main-context promise job
	mods    *modState      // vm modules (module.go)

	// vm.constants' symbols
	mainLoader, dontContextify *sobek.Symbol
	mainLoaderWarned           bool // its ExperimentalWarning, once

	// the handle of the script run last and its Go side: a rerun skips
	// the handle's Export
	lastHandle *sobek.Object
	lastScript *script

	// rerunSelf is the Script object (weakly: it must stay collectable)
	// whose handle rerunScript is, remembered by runIn's hot path so that
	// the next rerun of it skips vm.js's receiver checks; rerunMiss is
	// what runIn(script, context) answers for any other receiver (never
	// handed to user code).
	rerunSelf   weak.Pointer[sobek.Object]
	rerunScript *script
	rerunMiss   *sobek.Object
}

// inspect is util.inspect(v, {depth}) when the host has util (the values
// Node's error messages show), else a short form.
func (m *module) inspect(v sobek.Value, depth int) (s string) {
	s = nodeerr.InspectShort(v, 0)
	if m.h.Options.Registry == nil {
		return s
	}
	if _, ok := m.h.Options.Registry.Lookup("util"); !ok {
		return s
	}
	u, err := m.h.Require("util")
	uo, ok := u.(*sobek.Object)
	if err != nil || !ok {
		return s
	}
	f, ok := sobek.AssertFunction(uo.Get("inspect"))
	if !ok {
		return s
	}
	opts := m.rt.NewObject()
	_ = opts.Set("depth", depth)
	if r, err := f(uo, v, opts); err == nil {
		return r.String()
	}
	return s
}

// Load is the vm builtin's loader.
func Load(h *host.Host, mod *sobek.Object) error {
	p, err := program()
	if err != nil {
		return err
	}
	m := &module{h: h, rt: h.Runtime, main: h.Isolate.Main(),
		mainLoader:     sobek.NewSymbol("vm_dynamic_import_main_context_default"),
		dontContextify: sobek.NewSymbol("vm_context_no_contextify")}
	// promise jobs a call into a context queues wait in the main queue
	h.Isolate.QueueRelease = func(c *core.Context) { m.enqueueMain(func() { c.Release() }) }
	rt := m.rt
	natives := rt.NewObject()
	set := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		_ = natives.Set(name, fn)
	}
	set("invalidArgType", func(c sobek.FunctionCall) sobek.Value {
		return nodeerr.InvalidArgTypeInspect(rt, c.Argument(0).String(), c.Argument(1).String(), c.Argument(2), m.inspect)
	})
	set("outOfRange", func(c sobek.FunctionCall) sobek.Value {
		return nodeerr.OutOfRange(rt, c.Argument(0).String(), c.Argument(1).String(), c.Argument(2))
	})
	set("invalidArgValue", func(c sobek.FunctionCall) sobek.Value {
		return nodeerr.InvalidArgValueInspect(rt, c.Argument(0).String(), c.Argument(1), c.Argument(2).String(), m.inspect)
	})
	set("compile", m.compile)
	set("run", func(c sobek.FunctionCall) sobek.Value { return m.run(c, false) })
	set("runIn", func(c sobek.FunctionCall) sobek.Value { return m.run(c, true) })
	m.rerunMiss = rt.NewObject()
	_ = natives.Set("rerunMiss", m.rerunMiss)
	set("makeContext", m.makeContext)
	set("isContext", func(c sobek.FunctionCall) sobek.Value {
		o, _ := c.Argument(0).(*sobek.Object)
		return rt.ToValue(m.h.Isolate.IsContext(o, m.main))
	})
	set("setImportModuleDynamically", func(c sobek.FunctionCall) sobek.Value { return sobek.Undefined() })
	_ = natives.Set("primordials", h.Primordials())
	set("toBuffer", func(c sobek.FunctionCall) sobek.Value { return m.toBuffer(c.Argument(0)) })
	m.installCodeCache(natives)
	m.installCompileFunction(natives)
	m.installMeasureMemory(natives)
	m.installModules(natives)
	// vm.constants: a null-prototype object of two symbols, as in Node
	constants := rt.NewObject()
	_ = constants.SetPrototype(nil)
	_ = constants.Set("USE_MAIN_CONTEXT_DEFAULT_LOADER", m.mainLoader)
	_ = constants.Set("DONT_CONTEXTIFY", m.dontContextify)
	_ = natives.Set("constants", constants)
	set("makePlainContext", m.makePlainContext)
	set("sourceMapURL", func(c sobek.FunctionCall) sobek.Value {
		if u, ok := sourceMapURL(c.Argument(0).String()); ok {
			return rt.ToValue(u)
		}
		return sobek.Undefined()
	})

	fv, err := rt.RunProgram(p)
	if err != nil {
		return err
	}
	factory, _ := sobek.AssertFunction(fv)
	res, err := factory(sobek.Undefined(), natives)
	if err != nil {
		return err
	}
	return mod.Set("exports", res.ToObject(rt).Get("exports"))
}

func (m *module) compile(c sobek.FunctionCall) sobek.Value {
	code := c.Argument(0).String()
	opts := core.ScriptOptions{
		Filename:     c.Argument(1).String(),
		LineOffset:   int(c.Argument(2).ToInteger()),
		ColumnOffset: int(c.Argument(3).ToInteger()),
	}
	s, err := m.h.Isolate.CompileCached(code, opts)
	if err != nil {
		parsing := m.parsingContext(c.Argument(4))
		m.throwIfTooDeepIn(err, parsing)
		var se *core.SyntaxError
		if errors.As(err, &se) {
			panic(m.inRealm(m.syntaxError(se, code, opts), parsing))
		}
		panic(m.rt.NewGoError(err))
	}
	stack.Register(opts.Filename, code, opts.LineOffset, opts.ColumnOffset)
	return m.rt.ToValue(&script{s: s, cached: true})
}

// throwIfTooDeepIn throws V8's RangeError when err says the source nests
// deeper than sobek's parser can take (core.CheckNesting), in the realm
// of the parsing context parsing (nil: the main context).
func (m *module) throwIfTooDeepIn(err error, parsing *core.Context) {
	var ne *core.NestingError
	if errors.As(err, &ne) {
		ctor := m.h.Intrinsic("RangeError").(*sobek.Object)
		e, _ := m.rt.New(ctor, m.rt.ToValue(core.StackOverflowMessage))
		panic(m.inRealm(e, parsing))
	}
}

// parsingContext is the context of a parsing context argument (a
// contextified object), nil for the main context or none.
func (m *module) parsingContext(v sobek.Value) *core.Context {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	c := m.h.Isolate.ContextOf(o, m.main)
	if c == m.main {
		return nil
	}
	return c
}

// inRealm is e, a compile error vm just made in the main realm, as the
// same error of the parsing context's realm (V8 compiles there, and its
// errors are that realm's: instanceof SyntaxError is false in main), with
// e's message and stack. Without a parsing context it is e.
func (m *module) inRealm(v sobek.Value, parsing *core.Context) sobek.Value {
	e, ok := v.(*sobek.Object)
	if parsing == nil || !ok || e == nil {
		return v
	}
	name, msg, st := "SyntaxError", "", ""
	if v := m.main.DataProperty(e, "name"); v != nil {
		name = v.String()
	}
	if v := m.main.DataProperty(e, "message"); v != nil {
		msg = v.String()
	}
	if v := m.main.DataProperty(e, "stack"); v != nil {
		st = v.String()
	} else if t, ok := m.h.Isolate.PendingStack(e); ok {
		st = t // not read yet: V8's default text, no code run
	}
	return parsing.ErrorInto(m.main, name, msg, st)
}

// syntaxError builds the SyntaxError Node throws for code that does not
// compile, its stack decorated with the offending line and a caret.
func (m *module) syntaxError(se *core.SyntaxError, code string, opts core.ScriptOptions) *sobek.Object {
	rt := m.rt
	ctor := m.h.Intrinsic("SyntaxError").(*sobek.Object)
	msg, line, col, width := stack.SyntaxError(se.Message, code, opts.LineOffset, opts.ColumnOffset, se.Line, se.Column)
	msg = V8SyntaxMessage(msg, tokenAt(code, opts, line, col))
	e, err := rt.New(ctor, rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	arrow := arrowMessage(se.Filename, code, opts, line, col)
	if width > 1 {
		// V8 underlines the whole token
		arrow = strings.Replace(arrow, "^\n\n", strings.Repeat("^", width)+"\n\n", 1)
	}
	st := stack.V8(e.Get("stack").String())
	_ = e.Set("stack", arrow+st)
	return e
}

// arrowMessage is V8's "file:line\nsource line\n   ^\n\n" that Node
// prepends to errors of vm code (displayErrors).
func arrowMessage(filename, code string, opts core.ScriptOptions, line, col int) string {
	srcLine := line - opts.LineOffset
	lines := strings.Split(code, "\n")
	text := ""
	if srcLine >= 1 && srcLine <= len(lines) {
		text = strings.TrimSuffix(lines[srcLine-1], "\r")
	}
	c := col - 1
	if srcLine == 1 {
		c -= opts.ColumnOffset
	}
	caret := ""
	if c >= 0 && c < len(text) {
		caret = strings.Repeat(" ", c) + "^"
	} else if c >= 0 {
		caret = strings.Repeat(" ", min(c, len(text)))
	}
	return filename + ":" + strconv.Itoa(line) + "\n" + text + "\n" + caret + "\n\n"
}

// tokenAt returns the identifier or punctuator at a 1-based position of
// code compiled with opts.
func tokenAt(code string, opts core.ScriptOptions, line, col int) string {
	lines := strings.Split(code, "\n")
	l := line - opts.LineOffset
	if l < 1 || l > len(lines) {
		return ""
	}
	text := lines[l-1]
	i := col - 1
	if l == 1 {
		i -= opts.ColumnOffset
	}
	if i < 0 || i >= len(text) {
		return ""
	}
	j := i
	for j < len(text) && (text[j] == '_' || text[j] == '$' || text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || text[j] >= '0' && text[j] <= '9' || text[j] >= 0x80) {
		j++
	}
	if j == i {
		j = i + 1
	}
	return text[i:j]
}

// V8SyntaxMessage maps sobek's parser messages onto V8's for the common
// mistakes; tok is the source text at the error position.
func V8SyntaxMessage(msg, tok string) string {
	switch {
	case msg == "Unexpected identifier" && tok != "":
		return "Unexpected identifier '" + tok + "'"
	case strings.HasPrefix(msg, "Unexpected token ") && msg != "Unexpected token ILLEGAL" && !strings.HasPrefix(msg, "Unexpected token '"):
		tok := strings.TrimPrefix(msg, "Unexpected token ")
		if tok == "EOF" {
			return "Unexpected end of input"
		}
		return "Unexpected token '" + tok + "'"
	}
	return msg
}

type timeoutSignal struct{ ms int64 }

// sigintSignal is the interrupt value of a breakOnSigint run.
type sigintSignal struct{ _ byte }

func (m *module) makeContext(c sobek.FunctionCall) sobek.Value {
	obj := c.Argument(0).ToObject(m.rt)
	opts := core.ContextOptions{
		Name:                              c.Argument(1).String(),
		Origin:                            c.Argument(2).String(),
		DisallowCodeGenerationFromStrings: !c.Argument(3).ToBoolean(),
		DisallowWasm:                      !c.Argument(4).ToBoolean(),
		SandboxOwnKeys:                    m.h.Options.VMAPI == "v25",
	}
	if c.Argument(5).ToBoolean() {
		opts.MicrotaskMode = "afterEvaluate"
	}
	ctx := m.h.Isolate.Contextify(obj, m.main, opts)
	// its unhandled rejections are the process's, as in Node
	m.h.TrackRejections(ctx.Runtime(), func(v sobek.Value) sobek.Value { return core.Carry(v, ctx, m.main) })
	// its import() and import.meta hooks
	m.hookContextWith(ctx, m.contextImport(c.Argument(6), obj))
	return sobek.Undefined()
}

// makePlainContext(name, origin, strings, wasm, afterEvaluate) -> global:
// vm.createContext(vm.constants.DONT_CONTEXTIFY), a context whose global
// is its own ordinary global object, returned as it is seen from main.
func (m *module) makePlainContext(c sobek.FunctionCall) sobek.Value {
	opts := core.ContextOptions{
		Name:                              c.Argument(0).String(),
		Origin:                            c.Argument(1).String(),
		DisallowCodeGenerationFromStrings: !c.Argument(2).ToBoolean(),
		DisallowWasm:                      !c.Argument(3).ToBoolean(),
	}
	if c.Argument(4).ToBoolean() {
		opts.MicrotaskMode = "afterEvaluate"
	}
	ctx := m.h.Isolate.NewPlainContext(opts)
	m.h.TrackRejections(ctx.Runtime(), func(v sobek.Value) sobek.Value { return core.Carry(v, ctx, m.main) })
	global := core.Carry(ctx.Global(), ctx, m.main)
	if m.mods != nil {
		m.hookContextWith(ctx, m.contextImport(c.Argument(5), global))
	}
	return global
}

// run(handle, contextifiedObject|undefined, timeout, displayErrors,
// breakOnSigint) runs a script in the main context, or in the given one;
// inContext (runIn) requires a context and validates it as vm.js's
// validateContext does.
//
// runIn(script, contextifiedObject, options), three arguments, is the
// rerun's hot path: script is a Script object, run with Node's default
// options if options is undefined and script is the one whose handle
// runIn's sixth argument named last, else the answer is rerunMiss and
// vm.js takes the full path.
func (m *module) run(c sobek.FunctionCall, inContext bool) sobek.Value {
	s := m.lastScript
	if len(c.Arguments) == 3 && inContext {
		if self, _ := c.Arguments[0].(*sobek.Object); self == nil || self != m.rerunSelf.Value() || !sobek.IsUndefined(c.Arguments[2]) {
			return m.rerunMiss
		}
		s = m.rerunScript
	} else if h, _ := c.Argument(0).(*sobek.Object); h == nil || h != m.lastHandle {
		var ok bool
		if s, ok = c.Argument(0).Export().(*script); !ok {
			panic(m.rt.NewTypeError("Illegal invocation"))
		}
		m.lastHandle, m.lastScript = h, s
	}
	if self, ok := c.Argument(5).(*sobek.Object); ok && (s != m.rerunScript || self != m.rerunSelf.Value()) {
		m.rerunSelf, m.rerunScript = weak.Make(self), s
	}
	target := m.main
	if o, ok := c.Argument(1).(*sobek.Object); ok {
		if _, isFn := sobek.AssertFunction(o); isFn && inContext {
			panic(nodeerr.InvalidArgTypeInspect(m.rt, "object", "of type object", o, m.inspect))
		}
		target = m.h.Isolate.ContextOf(o, m.main)
		if target == nil {
			panic(nodeerr.InvalidArgTypeInspect(m.rt, "contextifiedObject", "an vm.Context", o, m.inspect))
		}
	} else if inContext {
		panic(nodeerr.InvalidArgTypeInspect(m.rt, "object", "of type object", c.Argument(1), m.inspect))
	}
	timeout, displayErrors, breakOnSigint := int64(-1), true, false
	if len(c.Arguments) > 3 {
		timeout = c.Argument(2).ToInteger()
		displayErrors = c.Argument(3).ToBoolean()
		breakOnSigint = c.Argument(4).ToBoolean()
	}

	// import() at the script's top level finds its importModuleDynamically
	ms := m.mods
	ms.runStack = append(ms.runStack, s.dyn)
	defer func() { ms.runStack[len(ms.runStack)-1] = nil; ms.runStack = ms.runStack[:len(ms.runStack)-1] }()

	if timeout <= 0 && !breakOnSigint {
		// no watchdog, no closure
		v, err := m.runInContext(target, s.s, nil)
		if err != nil {
			m.throwRunError(err, target, s, displayErrors, timeout, nil, nil, nil)
		}
		return core.Carry(v, target, m.main)
	}
	var wd *core.Watchdog
	var sig *timeoutSignal
	var intr *sigintSignal
	if timeout > 0 {
		sig = &timeoutSignal{ms: timeout}
		wd = m.h.Isolate.NewWatchdog(time.Duration(timeout)*time.Millisecond, sig)
	}
	var stopWatch func()
	if breakOnSigint {
		if wd == nil {
			wd = m.h.Isolate.NewWatchdog(0, nil)
		}
		intr = &sigintSignal{}
		w := wd
		// the watchdog fires again until the run is over: one interrupt
		// can land on a runtime the script is only passing through
		unwatch := m.h.WatchSIGINT(func() { w.Fire(intr) })
		stopWatch = unwatch
	}
	// the watchdog stops as soon as the script returns, before anything
	// else runs JS (an interrupt left on the main context would abort the
	// caller)
	v, err := m.runInContext(target, s.s, wd)
	if stopWatch != nil {
		stopWatch()
	}
	if err != nil {
		m.throwRunError(err, target, s, displayErrors, timeout, sig, intr, wd)
	}
	return core.Carry(v, target, m.main)
}

// throwRunError throws the error of a run that failed with err: the
// timeout or SIGINT error for the run's own interrupts, else the thrown
// value, carried to the caller and decorated as Node does.
//
// A thrown value's name, message and stack are read (for the decoration)
// while the run's watchdog still runs, so a hostile getter stays bounded
// by the run's timeout; the watchdog stops before the throw reaches the
// caller.
func (m *module) throwRunError(err error, target *core.Context, s *script, displayErrors bool, timeout int64, sig *timeoutSignal, intr *sigintSignal, wd *core.Watchdog) {
	if wd != nil {
		defer wd.Stop()
	}
	{
		var ie *sobek.InterruptedError
		if engine.As(err, &ie) && ie.Value() == sig && sig != nil {
			panic(m.runError(target, "ERR_SCRIPT_EXECUTION_TIMEOUT",
				"Script execution timed out after "+strconv.FormatInt(timeout, 10)+"ms"))
		}
		if ie != nil && ie.Value() == intr && intr != nil {
			panic(m.runError(target, "ERR_SCRIPT_EXECUTION_INTERRUPTED",
				"Script execution was interrupted by `SIGINT`"))
		}
		var ex *sobek.Exception
		if errors.As(err, &ex) {
			if o, ok := ex.Value().(*sobek.Object); ok {
				translate(o, ex) // V8's words for engine errors (in their realm)
			}
			val := core.Carry(ex.Value(), target, m.main)
			m.decorate(val, ex, s.s, displayErrors)
			if displayErrors && !hasStack(val) {
				for _, f := range ex.Stack() {
					if p := f.Position(); p.Filename != "" && p.Line > 0 {
						m.h.NoteThrow(val, p.Filename, p.Line, p.Column) // for the fatal error's source line
						break
					}
				}
			}
			panic(val)
		}
		panic(err)
	}
}

// translate gives an engine error V8's words. A hostile thrown object (a
// revoked or throwing Proxy) must not replace itself with the error of
// reading it: the value is thrown as it is, as in Node.
func translate(o *sobek.Object, ex *sobek.Exception) {
	defer func() { _ = recover() }()
	stack.Translate(o, ex.Stack())
}

// runError is the error of a run stopped by its timeout or by SIGINT. As
// Node's (thrown from C++), it is a plain Error of the context the script
// ran in, with an own code and a stack of the caller's frames.
func (m *module) runError(target *core.Context, code, msg string) sobek.Value {
	rt := target.Runtime()
	var e *sobek.Object
	if ctor, ok := sobek.AssertConstructor(target.Builtins().Get("Error")); ok {
		e, _ = ctor(nil, rt.ToValue(msg))
	}
	if e == nil {
		e = rt.NewGoError(errors.New(msg))
	}
	_ = e.Set("code", code)
	frames := m.rt.CaptureCallStack(0, nil)
	for len(frames) > 0 && frames[0].SrcName() == "<native>" {
		frames = frames[1:] // this native
	}
	st := "Error: " + msg + stack.Frames(frames)
	_ = e.DefineDataProperty("stack", rt.ToValue(st), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return core.Carry(e, target, m.main)
}

// decorate gives an error thrown out of a vm run Node's displayErrors
// stack: the arrow message, V8-shaped frames, then the caller's frames.
func (m *module) decorate(val sobek.Value, ex *sobek.Exception, s *core.Script, withArrow bool) {
	o, ok := val.(*sobek.Object)
	if !ok {
		return
	}
	defer func() { _ = recover() }() // a hostile error object must not break the throw
	st := o.Get("stack")
	if st == nil || sobek.IsUndefined(st) {
		return
	}
	str := stack.V8(st.String())
	if strings.HasPrefix(str, s.Options.Filename+":") {
		return // already decorated
	}
	arrow := ""
	for _, f := range ex.Stack() {
		if !withArrow {
			break // displayErrors: false keeps the V8 stack without the source line
		}
		if f.SrcName() == s.Options.Filename {
			p := f.Position()
			src := s
			if fn := f.FuncName(); fn != "" && fn != "<anonymous>" && (!strings.Contains(s.Source, fn) || !fits(s, p.Line, p.Column)) {
				// thrown in a function of another script of the same name
				if text, lo, co, ok := stack.SourceAt(s.Options.Filename, fn, p.Line, p.Column); ok {
					src = &core.Script{Source: text, Options: core.ScriptOptions{Filename: s.Options.Filename, LineOffset: lo, ColumnOffset: co}}
				}
			}
			arrow = arrowMessage(s.Options.Filename, src.Source, src.Options, p.Line, statementColumn(src, p.Line, p.Column))
			break
		}
	}
	_ = o.Set("stack", arrow+str)
	// an error of another realm: the caller's frames follow (V8's one stack)
	if ex != nil {
		m.main.CompleteStack(ex.Value())
	}
}

// hasStack reports whether v is an object with a string stack (an Error).
func hasStack(v sobek.Value) (yes bool) {
	o, ok := v.(*sobek.Object)
	if !ok {
		return false
	}
	defer func() {
		if recover() != nil {
			yes = false
		}
	}()
	st := o.Get("stack")
	if st == nil {
		return false
	}
	_, yes = st.Export().(string)
	return yes
}

// fits reports whether a position lies within the text of s.
func fits(s *core.Script, line, col int) bool {
	lines := strings.Split(s.Source, "\n")
	l := line - s.Options.LineOffset
	if l < 1 || l > len(lines) {
		return false
	}
	c := col - 1
	if l == 1 {
		c -= s.Options.ColumnOffset
	}
	return c >= 0 && c < len(lines[l-1])
}

// statementColumn moves a throw position back to the start of its `throw`
// statement, where V8 puts the caret.
func statementColumn(s *core.Script, line, col int) int {
	lines := strings.Split(s.Source, "\n")
	l := line - s.Options.LineOffset
	if l < 1 || l > len(lines) {
		return col
	}
	text := lines[l-1]
	off := 0
	if l == 1 {
		off = s.Options.ColumnOffset
	}
	i := col - 1 - off
	if i > len(text) {
		i = len(text)
	}
	if i < 0 {
		return col
	}
	if j := strings.LastIndex(text[:i], "throw"); j >= 0 && strings.TrimSpace(text[j+5:i]) == "" {
		return j + 1 + off
	}
	if i < len(text) {
		return stack.V8Index(text, i) + 1 + off // a call: V8 points at the callee
	}
	return col
}

// runInContext runs s in c. Outside the main context and unless the
// context asked for microtaskMode 'afterEvaluate', the run is held so its
// promise jobs wait for the host's microtask checkpoint, as Node's single
// per-isolate queue does.
//
// wd, if not nil, is stopped right after the script returns, before any
// other JS.
func (m *module) runInContext(c *core.Context, s *core.Script, wd *core.Watchdog) (v sobek.Value, err error) {
	if wd == nil {
		return m.runInContextUnwatched(c, s)
	}
	// a thrown value is read still under the watchdog (throwRunError
	// stops it)
	stop := func() {
		var ex *sobek.Exception
		if wd != nil && !errors.As(err, &ex) {
			wd.Stop()
		}
	}
	if c.IsMain() || c.Options.MicrotaskMode == "afterEvaluate" {
		v, err = c.Run(s)
		stop()
		return v, err
	}
	if c.RunHeld(func() {
		v, err = c.Run(s)
		stop()
	}) {
		// the context's jobs take their place in the main queue: a main
		// job queued now releases them, after the jobs queued before it
		m.enqueueMain(func() { c.Release() })
	}
	return v, err
}

// runInContextUnwatched is runInContext without a watchdog, with no
// closure that outlives the call (the hot path of reruns).
func (m *module) runInContextUnwatched(c *core.Context, s *core.Script) (v sobek.Value, err error) {
	if c.IsMain() || c.Options.MicrotaskMode == "afterEvaluate" {
		return c.Run(s)
	}
	if c.RunHeld(func() { v, err = c.Run(s) }) {
		m.enqueueMain(func() { c.Release() })
	}
	return v, err
}

// enqueueMain queues fn as a promise job of the main context (only for
// runs that queued jobs: a run that queued none leaves nothing to release).
func (m *module) enqueueMain(fn func()) {
	if m.enqueue == nil {
		v, err := m.rt.RunScript("node:internal/vm", "(function queueContextJobs(f) { Promise.resolve().then(f) })")
		if err != nil {
			panic(err)
		}
		m.enqueue, _ = sobek.AssertFunction(v)
	}
	// called while the main runtime drains its queue (from a job), the
	// call would be outermost and drain the new job at once: a held
	// frame keeps it nested, the job waits for its turn
	if engine.HeldFrames() && engine.CallDepth(m.rt) == 0 {
		engine.PushOuterFrame(m.rt)
		defer engine.PopOuterFrame(m.rt)
	}
	if _, err := m.enqueue(sobek.Undefined(), m.rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		fn()
		return sobek.Undefined()
	})); err != nil {
		panic(err)
	}
}
