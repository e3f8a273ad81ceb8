package core

import (
	"strings"
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/file"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// Error stacks in V8's format, in every realm. sobek captures all the
// frames of an error when it is made and formats them on first read in
// its own shape; V8 keeps at most Error.stackTraceLimit (of the realm's
// intrinsic Error, read without running a getter: anything but a number
// means no stack) and formats them on first read, naming each frame by
// its receiver, or hands them, as CallSites, to Error.prepareStackTrace.
//
// So each realm's intrinsic error constructors are hooked
// (engine.HookErrorCalls): an error made takes its frames from sobek
// (engine.TakeErrorFrames), keeps at most the limit with what names
// them (engine.FrameInfo: receivers and callees held weakly, so an
// error never keeps them alive), and gets an own `stack` accessor shared
// by the realm: the first read formats the frames and replaces the
// accessor with the data property V8 has. Error.captureStackTrace makes
// the same. The pending frames are kept per realm, by weak key.

// stackNames are the intrinsic constructors whose errors get V8 stacks.
var stackNames = [...]string{"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError"}

// limitDefined is the bit of errStacks.hooked saying the realm's
// Error.stackTraceLimit was given its default.
const limitDefined = 1 << 15

// maxStackFrames bounds any stackTraceLimit (the isolate's stack budget
// is 10,000 frames).
const maxStackFrames = 10000

// pendingFrame is a frame of an error whose stack is not formatted yet.
type pendingFrame struct {
	site stack.Site
	this weak.Pointer[sobek.Object] // an object receiver
	// primType is a primitive receiver's type ("String"), prim the
	// receiver (V8's CallSite keeps it too), unless it is a long string:
	// an error thrown by a method of a huge string must not hold it
	primType string
	prim     sobek.Value
	callee   weak.Pointer[sobek.Object]
	hasRcv   bool
	// strict is the frame's code's strictness (CallSite getThis and
	// getFunction hide both from a strict frame on): strictNo, strictYes,
	// or strictAsCaller (direct eval code: its caller's)
	strict uint8
	// home is the context whose runtime the frame is of, when it is not
	// the error's (V8's one stack: the callers in other realms)
	home *Context
}

// maxKeptString is the longest string receiver a pending frame keeps.
const maxKeptString = 256

const (
	strictNo = iota
	strictYes
	strictAsCaller
)

type pendingStack struct {
	frames []pendingFrame
	none   bool // stackTraceLimit was no number: the stack is undefined
}

type errStacks struct {
	hooked  uint16 // bit i: stackNames[i] hooked
	pending map[weak.Pointer[sobek.Object]]*pendingStack
	sweepAt int
	get     *sobek.Object // the shared accessor
	set     *sobek.Object
	// preparing: an Error.prepareStackTrace of this realm is running;
	// stacks read meanwhile are formatted the default way (as V8)
	preparing bool
	callSite  sobek.Callable // makes a CallSite (callsite.go)
}

// hookErrorStacks hooks the intrinsic error constructors of names (all
// when none are given) for V8 stacks, once each.
func (c *Context) hookErrorStacks(names ...string) {
	if !engine.ErrorStacksWork() {
		return
	}
	if c.stacks.hooked&limitDefined == 0 {
		c.stacks.hooked |= limitDefined
		// V8's realms start with it (delete it, and errors get no stack)
		if e := c.intrinsic("Error"); e != nil && e.Get("stackTraceLimit") == nil {
			_ = e.DefineDataProperty("stackTraceLimit", c.rt.ToValue(10), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
		}
	}
	for i, n := range stackNames {
		if c.stacks.hooked&(1<<i) != 0 {
			continue
		}
		if len(names) > 0 && !contains(names, n) {
			continue
		}
		c.stacks.hooked |= 1 << i
		ctor := c.intrinsic(n)
		if ctor == nil {
			continue
		}
		engine.HookErrorCalls(ctor, c.errorMade)
	}
}

// isStackName reports whether k names an intrinsic error constructor.
func isStackName(k string) bool {
	return strings.HasSuffix(k, "Error") && contains(stackNames[:], k)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stackTraceLimit is the realm's Error.stackTraceLimit as V8 reads it
// (a data property of the intrinsic Error; ok false: not a number).
func (c *Context) stackTraceLimit() (n int, ok bool) {
	errCtor := c.intrinsic("Error")
	if errCtor == nil || c.stacks.hooked&limitDefined == 0 {
		return 10, true // V8's default, not given to the realm yet
	}
	v := engine.OwnData(errCtor, "stackTraceLimit") // no code may run here
	if v == nil || !sobek.IsNumber(v) {
		return 0, false
	}
	f := v.ToFloat()
	switch {
	case f != f || f <= 0:
		return 0, true
	case f >= maxStackFrames:
		return maxStackFrames, true
	}
	return int(f), true
}

// errorMade gives o, an error just made by a hooked constructor, a
// pending V8 stack.
func (c *Context) errorMade(o *sobek.Object, called bool) {
	frames, ok := engine.TakeErrorFrames(o)
	if !ok {
		return
	}
	defer func() {
		if recover() != nil {
			// nothing may break the construction: sobek's stack then
			engine.RestoreErrorFrames(o, frames)
		}
	}()
	skip := 0
	if called && len(frames) > 0 && frames[0].SrcName() == "<native>" {
		skip = 1 // the constructor's own frame (`Error('x')`)
	}
	c.pend(o, frames, skip, nil)
}

// pend captures the frames (from skip on, and after the frame of until
// when it is given) into o's pending stack and gives o the accessor.
func (c *Context) pend(o *sobek.Object, frames []sobek.StackFrame, skip int, until *sobek.Object) bool {
	limit, ok := c.stackTraceLimit()
	ps := &pendingStack{none: !ok}
	if ok {
		lead := true
		var hiddenLead []sobek.StackFrame // builtins hidden before the first frame kept
		prevBare, prevPos := false, file.Position{}
		info := engine.FrameInfo(c.rt, frames, skip, func(f *engine.Frame) (keep, stop bool) {
			if until != nil {
				if f.Callee == until {
					until = nil
				}
				return false, false
			}
			if f.SrcName() == "<native>" && isHiddenNative(f.FuncName()) {
				if lead {
					hiddenLead = append(hiddenLead, f.StackFrame)
				}
				return false, false
			}
			p := f.Position()
			if f.Callee == nil && prevBare && p == prevPos {
				// sobek lists the caller of an eval whose code does not
				// compile twice (its frame and the eval call's)
				return false, false
			}
			prevBare, prevPos = f.Callee == nil, p
			if lead {
				if p.Filename != "" && stack.AtSuper(p.Filename, p.Line, stack.ColumnOf(p.Filename, f.FuncName(), p.Line, p.Column)) {
					return false, false // a derived constructor's super(...) call
				}
				lead = false
			}
			return true, false
		}, limit)
		ps.frames = make([]pendingFrame, 0, len(info))
		kept := make([]sobek.StackFrame, 0, len(hiddenLead)+len(info))
		// the Go function that made the error stays first in what sobek
		// keeps (the host knows a loader's throw by it)
		kept = append(kept, hiddenLead...)
		for i := range info {
			ps.frames = append(ps.frames, c.pendingFrameOf(&info[i], info, i))
			kept = append(kept, info[i].StackFrame)
		}
		// what sobek keeps (a thrown error's Exception takes them: the Go
		// API's errors) is bounded the same way
		engine.SetErrorFrames(o, kept)
		if len(ps.frames) < limit {
			ps.frames = c.appendCallerFrames(ps.frames, limit)
		}
	}
	if !c.defineStackAccessor(o) {
		return false
	}

	engine.StackFirst(o)
	if c.stacks.pending == nil {
		c.stacks.pending = map[weak.Pointer[sobek.Object]]*pendingStack{}
		c.stacks.sweepAt = 64
	}
	if len(c.stacks.pending) >= c.stacks.sweepAt {
		for k := range c.stacks.pending {
			if k.Value() == nil {
				delete(c.stacks.pending, k)
			}
		}
		c.stacks.sweepAt = max(64, 2*len(c.stacks.pending))
	}
	c.stacks.pending[weak.Make(o)] = ps
	return true
}

// appendCallerFrames adds to frames, up to limit, the frames of the
// realms below c on the isolate's one stack (V8's single stack: an error
// made in a context lists the main context's callers), innermost first,
// each realm once. Only while c runs as the innermost realm, entered
// once.
func (c *Context) appendCallerFrames(frames []pendingFrame, limit int) []pendingFrame {
	iso := c.iso
	if c == iso.main || iso.innermost() != c || iso.enteredBefore(c) {
		// c's runtime has frames from an earlier entry too, whose place
		// among the others' is not known here: the crossings complete it
		return frames
	}
	var seen [4]*Context
	n := 0
	add := func(o *Context) {
		if o == nil || o == c || len(frames) >= limit {
			return
		}
		for _, s := range seen[:n] {
			if s == o {
				return
			}
		}
		if n < len(seen) {
			seen[n] = o
			n++
		}
		frames = o.callerFrames(frames, limit)
	}
	for i := len(iso.active) - 2; i >= 0; i-- {
		add(iso.active[i].c)
	}
	add(iso.main) // the host's own runs are below every entry
	return frames
}

// callerFrames appends the frames of c's runtime now, up to limit, as
// pending frames of c.
func (c *Context) callerFrames(frames []pendingFrame, limit int) []pendingFrame {
	raw := c.rt.CaptureCallStack(0, nil)
	if len(raw) == 0 {
		return frames
	}
	info := engine.FrameInfo(c.rt, raw, 0, func(f *engine.Frame) (keep, stop bool) {
		return !(f.SrcName() == "<native>" && isHiddenNative(f.FuncName())), false
	}, limit-len(frames))
	for i := range info {
		pf := c.pendingFrameOf(&info[i], info, i)
		pf.home = c
		frames = append(frames, pf)
	}
	return frames
}

// pendingFrameOf is what formatting frame i of info needs later.
func (c *Context) pendingFrameOf(f *engine.Frame, all []engine.Frame, i int) pendingFrame {
	var pf pendingFrame
	s := &pf.site
	name := f.FuncName()
	if f.SrcName() == "<native>" {
		s.Native = true
		if name == "<native>" {
			name = ""
		}
	} else {
		if name == "<anonymous>" {
			name = ""
		}
		p := f.Position()
		s.File, s.Line = p.Filename, p.Line
		s.Col = stack.ColumnOf(p.Filename, name, p.Line, p.Column)
		if isEvalFile(p.Filename) {
			s.File = ""
			s.Col = stack.ColumnOf(evalFile, name, p.Line, p.Column)
			s.Eval = true
			if name == "" || name == "anonymous" {
				name = "eval"
			}
			s.EvalOrigin = evalOrigin(all, i)
		}
	}
	s.Func = name
	s.Async = f.Async
	if f.Async && s.File != "" {
		s.Col = stack.AwaitColumn(s.File, s.Func, s.Line, s.Col)
	}
	s.Construct = f.Construct && !engine.IsArrow(f.Callee) || s.Native && name == "Promise" // an arrow's new.target is its scope's
	if f.Callee != nil {
		pf.callee = weak.Make(f.Callee)
		if s.Func == "" && !s.Eval && engine.IsClass(f.Callee) {
			// sobek names no class constructor's frame
			if n, ok := engine.OwnData(f.Callee, "name").(sobek.String); ok {
				s.Func = n.String()
			}
		}
	}
	switch t := f.This.(type) {
	case nil:
		s.TopLevel = true
	case *sobek.Object:
		if t == c.builtins || t == c.global {
			s.TopLevel = true
		} else {
			pf.this, pf.hasRcv = weak.Make(t), true
		}
	default:
		if sobek.IsUndefined(t) || sobek.IsNull(t) {
			s.TopLevel = true
		} else {
			pf.primType, pf.hasRcv = primitiveType(t), true
			if str, isStr := t.(sobek.String); !isStr || str.Length() <= maxKeptString {
				pf.prim = t
			}
		}
	}
	if f.Callee == nil && !f.Async && !s.Native {
		s.TopLevel = true
	}
	if f.Async {
		s.TopLevel = true // no receiver known: V8 names it by function
	}
	switch {
	case s.Native:
		pf.strict = strictYes // V8's builtins
	case f.Callee != nil:
		if st, ok := engine.IsStrictFunction(f.Callee); !ok || st {
			pf.strict = strictYes
		}
	case s.Eval:
		pf.strict = strictAsCaller
	case strictSource(s.File):
		pf.strict = strictYes
	}
	return pf
}

// strictSource reports whether the script compiled under file starts
// with a "use strict" directive.
func strictSource(file string) bool {
	src, _, _, ok := stack.Source(file, "")
	if !ok {
		return false
	}
	for {
		src = skipSpaceAndComments(src)
		if src == "" || src[0] != '\'' && src[0] != '"' {
			return false
		}
		q := src[0]
		end := strings.IndexByte(src[1:], q)
		if end < 0 {
			return false
		}
		lit := src[1 : 1+end]
		if lit == "use strict" {
			return true
		}
		if strings.ContainsAny(lit, "\\\n") {
			return false
		}
		src = skipSpaceAndComments(src[end+2:])
		if src != "" && src[0] == ';' {
			src = src[1:]
		}
	}
}

// skipSpaceAndComments drops leading white space and comments.
func skipSpaceAndComments(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n\ufeff")
		switch {
		case strings.HasPrefix(s, "//"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s[2:], "*/")
			if i < 0 {
				return ""
			}
			s = s[i+4:]
		default:
			return s
		}
	}
}

// evalOrigin is "eval at f (file:1:2)" for eval code at frame i: the
// first frame below that is not eval code called it.
func evalOrigin(all []engine.Frame, i int) string {
	for j := i + 1; j < len(all); j++ {
		f := &all[j]
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		if isEvalFile(p.Filename) {
			continue
		}
		name := f.FuncName()
		if name == "" || name == "<anonymous>" {
			name = "<anonymous>"
		}
		return "eval at " + name + " (" + p.Filename + ":" + itoa(p.Line) + ":" + itoa(stack.ColumnOf(p.Filename, name, p.Line, p.Column)) + ")"
	}
	return "eval at <anonymous>"
}

// evalFile names the eval and Function sources in the source registry.
const evalFile = "<eval>"

// isHiddenNative: a builtin or Go function V8 shows no frame for.
func isHiddenNative(name string) bool { return stack.HiddenNative(name) }

// polishLines names the frames of timer callbacks as V8 does for Node's
// (a method of the Timeout or Immediate: an arrow's receiver is not known
// here).
func polishLines(lines []string) { stack.NameTimerFrames(lines) }

// isEvalFile reports whether a frame's file name is sobek's for eval and
// Function code.
func isEvalFile(name string) bool { return name == "" || name == "<eval>" }

// defineStackAccessor gives o the realm's shared `stack` accessor.
func (c *Context) defineStackAccessor(o *sobek.Object) bool {
	if c.stacks.get == nil {
		c.stacks.get = c.rt.ToValue(c.stackGetter).(*sobek.Object)
		c.stacks.set = c.rt.ToValue(c.stackSetter).(*sobek.Object)
	}
	return o.DefineAccessorProperty("stack", c.stacks.get, c.stacks.set, sobek.FLAG_TRUE, sobek.FLAG_FALSE) == nil
}

// holder finds the object of this's chain whose stack is pending.
func (c *Context) holder(this sobek.Value) (*sobek.Object, *pendingStack) {
	o, _ := this.(*sobek.Object)
	for i := 0; o != nil && i < 32; i++ {
		if ps := c.stacks.pending[weak.Make(o)]; ps != nil {
			return o, ps
		}
		if o.ExportType() == proxyType {
			return nil, nil
		}
		o = o.Prototype()
	}
	return nil, nil
}

func (c *Context) stackGetter(call sobek.FunctionCall) sobek.Value {
	o, ps := c.holder(call.This)
	if o == nil {
		return sobek.Undefined()
	}
	v := c.formatStack(o, ps)
	if o.DefineDataProperty("stack", v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE) == nil {
		delete(c.stacks.pending, weak.Make(o))
	}
	return v
}

func (c *Context) stackSetter(call sobek.FunctionCall) sobek.Value {
	o, _ := call.This.(*sobek.Object)
	if o == nil {
		return sobek.Undefined()
	}
	if o.DefineDataProperty("stack", call.Argument(0), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE) == nil {
		delete(c.stacks.pending, weak.Make(o))
	}
	return sobek.Undefined()
}

// formatStack is the value of o's stack: what the realm's
// Error.prepareStackTrace returns for o and its CallSites, or V8's text.
// An exception of prepareStackTrace or of o's name/message getters
// reaches the reader, as in Node.
func (c *Context) formatStack(o *sobek.Object, ps *pendingStack) sobek.Value {
	if ps.none {
		return sobek.Undefined()
	}
	sites := make([]stack.Site, len(ps.frames))
	for i := range ps.frames {
		sites[i] = c.resolveSite(&ps.frames[i])
	}
	if !c.stacks.preparing {
		if prep, self := c.stackPreparer(); prep != nil {
			c.stacks.preparing = true
			defer func() { c.stacks.preparing = false }()
			arr := make([]any, len(sites))
			strictSeen := false
			for i := range sites {
				pf := &ps.frames[i]
				st := pf.strict == strictYes
				if pf.strict == strictAsCaller && i+1 < len(ps.frames) {
					st = ps.frames[i+1].strict == strictYes
				}
				strictSeen = strictSeen || st
				var this, fn sobek.Value
				method := ""
				if !strictSeen {
					this, fn = c.frameThis(pf), sobek.Undefined()
					if f := pf.callee.Value(); f != nil {
						fn = f
						if sites[i].TopLevel && !sites[i].Eval && sites[i].Func != "" && this == c.global && c.globalIs(sites[i].Func, f) {
							method = sites[i].Func // V8 finds a plain call's function on its receiver, the global
						}
					}
				}
				arr[i] = c.newCallSite(&sites[i], this, fn, method)
			}
			v, err := prep(self, o, c.rt.NewArray(arr...))
			if err != nil {
				panic(err)
			}
			return v
		}
	}
	lines := make([]string, len(sites)+1)
	lines[0] = c.errorHead(o)
	for i := range sites {
		lines[i+1] = "    at " + sites[i].String()
	}
	polishLines(lines[1:])
	return c.rt.ToValue(strings.Join(lines, "\n"))
}

// errorGlobal is what code of the realm sees as Error.
func (c *Context) errorGlobal() sobek.Value {
	if v := c.global.Get("Error"); v != nil {
		return v
	}
	return sobek.Undefined()
}

// globalIs reports whether the global object's property name is fn (a
// contextified global asks its sandbox; an exception is no).
func (c *Context) globalIs(name string, fn *sobek.Object) bool {
	var v sobek.Value
	if c.rt.Try(func() { v = c.global.Get(name) }) != nil {
		return false
	}
	o, _ := v.(*sobek.Object)
	return o == fn
}

// frameThis is a sloppy frame's receiver as V8's CallSite getThis has it:
// the receiver object, the global object for a top-level, eval or
// plain-call frame (undefined when the receiver was a primitive, which
// is not kept).
func (c *Context) frameThis(pf *pendingFrame) sobek.Value {
	if pf.home != nil && pf.home != c {
		return sobek.Undefined() // another realm's receiver is not carried here
	}
	if pf.hasRcv {
		if pf.prim != nil {
			return pf.prim.ToObject(c.rt) // a sloppy function's this is boxed
		}
		if o := pf.this.Value(); o != nil {
			return o
		}
		return sobek.Undefined()
	}
	return c.global
}

// stackPreparer is the Error.prepareStackTrace Node's callback uses for
// an error of c (maybeOverridePrepareStackTrace): globalThis.Error's of
// the error's realm, else the main context's own Error's (Node's
// MainContextError, the intrinsic), read as Node does (getters run; the
// main realm's through the membrane). self is what it is called on.
func (c *Context) stackPreparer() (prep sobek.Callable, self sobek.Value) {
	if e, ok := c.errorGlobal().(*sobek.Object); ok {
		if f, ok := sobek.AssertFunction(e.Get("prepareStackTrace")); ok {
			return f, e
		}
	}
	m := c.iso.main
	if m == nil {
		return nil, nil
	}
	me := m.intrinsic("Error")
	if me == nil {
		return nil, nil
	}
	if m != c {
		me, _ = Carry(me, m, c).(*sobek.Object)
		if me == nil {
			return nil, nil
		}
	}
	if f, ok := sobek.AssertFunction(me.Get("prepareStackTrace")); ok {
		return f, me
	}
	return nil, nil
}

// PendingStack is the V8 stack text of o, an error of one of the
// isolate's realms whose stack was not read yet, made the default way
// and without running any code (no prepareStackTrace; the head from data
// properties only): what the Go API reports. ok is false when o has no
// pending stack.
func (iso *Isolate) PendingStack(o *sobek.Object) (text string, ok bool) {
	if o == nil {
		return "", false
	}
	for _, c := range iso.Contexts() {
		if c.stacks.pending == nil {
			continue
		}
		ps := c.stacks.pending[weak.Make(o)]
		if ps == nil {
			continue
		}
		if ps.none {
			return "", true
		}
		head, ok := c.dataHead(o)
		if !ok {
			head = "Error"
		}
		lines := make([]string, len(ps.frames)+1)
		lines[0] = head
		for i := range ps.frames {
			site := c.resolveSiteQuiet(&ps.frames[i])
			lines[i+1] = "    at " + site.String()
		}
		polishLines(lines[1:])
		return strings.Join(lines, "\n"), true
	}
	return "", false
}

// resolveSiteQuiet is a frame's Site without its receiver's names (which
// the lookup would read through the VM).
func (c *Context) resolveSiteQuiet(pf *pendingFrame) stack.Site {
	if pf.home != nil && pf.home != c {
		return pf.home.resolveSiteQuiet(pf)
	}
	s := pf.site
	if !s.Construct && !s.TopLevel {
		s.Type = pf.primType
		if s.Type == "" {
			if rcv := pf.this.Value(); rcv != nil {
				s.Type = quietTypeName(rcv)
			}
		}
		if s.Type == "" && s.Func == "" {
			s.TopLevel = true
		}
	}
	return s
}

// quietTypeName is typeName read without running code: the name of the
// constructor data property found on o's chain, "Function" for functions.
func quietTypeName(o *sobek.Object) string {
	if _, fn := sobek.AssertFunction(o); fn {
		if engine.IsClass(o) {
			if n, ok := engine.OwnData(o, "name").(sobek.String); ok {
				return n.String()
			}
		}
		return "Function"
	}
	for p, i := o, 0; p != nil && i < 32; p, i = p.Prototype(), i+1 {
		if p.ExportType() == proxyType {
			return ""
		}
		if ctor, ok := engine.OwnData(p, "constructor").(*sobek.Object); ok {
			if n, ok := engine.OwnData(ctor, "name").(sobek.String); ok {
				return n.String()
			}
			return ""
		}
		if engine.HasOwn(p, "constructor") {
			return ""
		}
	}
	return ""
}

// dataHead is errorHead when name and message are data properties.
func (c *Context) dataHead(o *sobek.Object) (string, bool) {
	name, ok := dataChain(o, "name")
	if !ok {
		return "", false
	}
	msg, ok := dataChain(o, "message")
	if !ok {
		return "", false
	}
	n, m := "Error", ""
	if name != nil && !sobek.IsUndefined(name) {
		n = name.String()
	}
	if msg != nil && !sobek.IsUndefined(msg) {
		m = msg.String()
	}
	switch {
	case n == "":
		return m, true
	case m == "":
		return n, true
	}
	return n + ": " + m, true
}

// errorHead is Error.prototype.toString of o (the realm's intrinsic), as
// Node heads a stack. Where name and message are data properties it is
// made here without calling into the VM (a stack may be read while the
// VM unwinds an overflow).
func (c *Context) errorHead(o *sobek.Object) string {
	if h, ok := c.dataHead(o); ok {
		return h
	}
	if e := c.intrinsic("Error"); e != nil {
		if p, ok := e.Get("prototype").(*sobek.Object); ok {
			if ts, ok := sobek.AssertFunction(p.Get("toString")); ok {
				v, err := ts(o)
				if err != nil {
					panic(err)
				}
				return v.String()
			}
		}
	}
	return "Error"
}

// resolveSite completes a pending frame's Site with its receiver's
// names, if the receiver and callee are still alive.
func (c *Context) resolveSite(pf *pendingFrame) stack.Site {
	if pf.home != nil && pf.home != c {
		return pf.home.resolveSite(pf)
	}
	s := pf.site
	if s.TopLevel || s.Construct || !pf.hasRcv {
		if !s.Construct && !s.TopLevel {
			s.TopLevel = true
		}
		return s
	}
	callee := pf.callee.Value()
	var rcv *sobek.Object
	if pf.primType != "" {
		s.Type = pf.primType
		if o, ok := c.builtins.Get(s.Type).(*sobek.Object); ok {
			rcv, _ = o.Get("prototype").(*sobek.Object)
		}
	} else {
		rcv = pf.this.Value()
		if rcv == nil {
			s.TopLevel = true
			return s
		}
		s.Type = c.typeName(rcv)
	}
	if callee != nil && rcv != nil {
		m, accessor := c.methodName(rcv, callee, s.Func)
		s.Method = m
		if strings.HasPrefix(s.Func, "#") {
			s.Type = "" // a private method: V8 names it alone
		}
		if accessor != "" && s.Func == m && m != "" {
			s.Func = accessor + " " + m
			s.Type = "" // V8 names an accessor's frame by it alone
		}
	}
	return s
}

func primitiveType(v sobek.Value) string {
	switch v.ExportType().Kind().String() {
	case "float64", "int64":
		return "Number"
	case "string":
		return "String"
	case "bool":
		return "Boolean"
	}
	if _, ok := v.(*sobek.Symbol); ok {
		return "Symbol"
	}
	if strings.HasPrefix(v.ExportType().String(), "*big.Int") {
		return "BigInt"
	}
	return ""
}

// typeName is V8's constructor name of a receiver: its constructor's
// name (a class's own name for its static methods, "Function" for other
// functions), else its Symbol.toStringTag, else "Object"; "" for an
// object with no constructor at all.
func (c *Context) typeName(o *sobek.Object) string {
	if o.ExportType() == proxyType {
		return "Proxy"
	}
	if _, ok := sobek.AssertFunction(o); ok {
		if engine.IsClass(o) {
			if n, ok := c.DataProperty(o, "name").(sobek.String); ok && n.String() != "" {
				return n.String()
			}
		}
		return "Function"
	}
	ctorName := ""
	if ctor, ok := c.DataProperty(o, "constructor").(*sobek.Object); ok {
		if n, ok := c.DataProperty(ctor, "name").(sobek.String); ok {
			ctorName = n.String()
		}
	}
	if ctorName != "" && ctorName != "Object" {
		return ctorName
	}
	if tag, ok := c.dataProperty(o, "", sobek.SymToStringTag).(sobek.String); ok && tag.String() != "" {
		return tag.String()
	}
	return ctorName
}

// methodName is V8's GetMethodName: the key under which fn is found on
// o or its prototypes (its own name first, then the enumerable own keys,
// "" when none or several), with "get"/"set" when fn is an accessor.
func (c *Context) methodName(o, fn *sobek.Object, name string) (method, accessor string) {
	r := c.reflect()
	check := func(obj *sobek.Object, key string) string {
		d, err := r.getOwnPropertyDescriptor(sobek.Undefined(), obj, c.rt.ToValue(key))
		if err != nil {
			return "-"
		}
		do, ok := d.(*sobek.Object)
		if !ok {
			return "-"
		}
		if v, ok := do.Get("value").(*sobek.Object); ok && v == fn {
			return ""
		}
		if g, ok := do.Get("get").(*sobek.Object); ok && g == fn {
			return "get"
		}
		if s, ok := do.Get("set").(*sobek.Object); ok && s == fn {
			return "set"
		}
		return "-"
	}
	if name != "" {
		for p, i := o, 0; p != nil && i < 64; p, i = p.Prototype(), i+1 {
			if p.ExportType() == proxyType {
				break
			}
			if a := check(p, name); a != "-" {
				return name, a
			}
		}
	}
	found := ""
	for p, i := o, 0; p != nil && i < 64; p, i = p.Prototype(), i+1 {
		if p.ExportType() == proxyType {
			break
		}
		keys := p.Keys()
		if len(keys) > 1000 {
			break
		}
		for _, k := range keys {
			if a := check(p, k); a != "-" {
				if found != "" {
					return "", ""
				}
				found, accessor = k, a
			}
		}
	}
	return found, accessor
}

// dataChain finds key on o or its prototypes as a string or undefined
// data property, without running code; ok false when it meets anything
// else (an accessor, a Proxy, an object value, an exotic object).
func dataChain(o *sobek.Object, key string) (v sobek.Value, ok bool) {
	for i := 0; o != nil && i < 32; i++ {
		if o.ExportType() == proxyType {
			return nil, false
		}
		if v := engine.OwnData(o, key); v != nil {
			if _, isStr := v.(sobek.String); isStr {
				return v, true
			}
			return nil, false
		}
		if engine.HasOwn(o, key) {
			return nil, false // an accessor, or a value OwnData does not take
		}
		o = o.Prototype()
	}
	return nil, o == nil
}
