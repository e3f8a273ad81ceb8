package host

import (
	"regexp"
	"strconv"
	"strings"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

type srcPos struct {
	file      string
	line, col int
	thrown    bool // a throw site (V8 points at the throw keyword)
}

type pendingRejection struct {
	p       *sobek.Promise
	handled bool
	id      int // Node's rejection id (1, 2, ...)
	// a promise of another context: its runtime, and how its values
	// reach the host's
	rt    *sobek.Runtime
	carry func(sobek.Value) sobek.Value
}

// TrackRejections makes the promises of another context's runtime rt
// take part in the host's unhandled-rejection processing, as all the
// contexts of a Node isolate do; carry brings their values into the
// host's runtime.
func (h *Host) TrackRejections(rt *sobek.Runtime, carry func(sobek.Value) sobek.Value) {
	rt.SetPromiseRejectionTracker(func(p *sobek.Promise, op sobek.PromiseRejectionOperation) {
		switch op {
		case sobek.PromiseRejectionReject:
			h.rejectionSeq++
			h.rejections = append(h.rejections, &pendingRejection{p: p, rt: rt, carry: carry, id: h.rejectionSeq})
			h.completeStack(p.Result())
		case sobek.PromiseRejectionHandle:
			h.rejectionHandled(p)
		}
	})
}

// reportError treats err (from a call into JS) as an uncaught exception.
func (h *Host) reportError(err error) {
	if err == nil || h.stopped {
		return
	}
	if m := core.MemoryLimitOf(err); m != nil {
		h.fatalMemory(err, m)
		return
	}
	switch e := err.(type) {
	case *sobek.InterruptedError:
		return
	case *sobek.StackOverflowError:
		// sobek's overflow is uncatchable; report it as V8's RangeError
		rangeErr := h.Intrinsic("RangeError").(*sobek.Object)
		v, _ := h.Runtime.New(rangeErr, h.Runtime.ToValue("Maximum call stack size exceeded"))
		var pos *srcPos
		for _, f := range e.Stack() {
			if p := f.Position(); p.Filename != "" && p.Line > 0 {
				pos = &srcPos{p.Filename, p.Line, p.Column, true}
				break
			}
		}
		if v != nil {
			_ = v.Set("stack", "RangeError: Maximum call stack size exceeded"+stack.Frames(e.Stack()[:min(10, len(e.Stack()))]))
		}
		h.uncaught(v, pos, "uncaughtException")
	case *sobek.Exception:
		if o, ok := e.Value().(*sobek.Object); ok {
			stack.Translate(o, e.Stack()) // V8's words for engine errors
		}
		var pos *srcPos
		for _, f := range e.Stack() {
			p := f.Position()
			if p.Filename != "" && p.Line > 0 {
				pos = &srcPos{p.Filename, p.Line, p.Column, true}
				break
			}
		}
		if p := h.throwFrame(e.Stack()); p != nil {
			pos = p
		}
		if o, ok := e.Value().(*sobek.Object); ok && pos != nil {
			if p := crossedThrowSite(o, pos); p != nil {
				pos = p // thrown in another context, rethrown here by the membrane
			}
		}
		if p := vmSite(e.Value()); p != nil {
			pos = p
		}
		if t := h.vmThrow; t != nil && e.Value() != nil && e.Value().StrictEquals(t.v) {
			pos = t.pos // a value that is no Error, thrown out of a vm run
		}
		if st := e.Stack(); len(st) > 0 && st[0].SrcName() == "<native>" && (st[0].FuncName() == "require" || strings.Contains(st[0].FuncName(), ".makeRequire.")) {
			if p := internalSite(e.Value()); p != nil {
				pos = p // thrown by the loader itself
			}
		}
		if o, ok := e.Value().(*sobek.Object); ok && h.cjs != nil {
			if p := h.cjs.syntaxPos[o]; p != nil {
				pos = p // a module's SyntaxError thrown through require: V8's arrow is the module's
			}
		}
		h.uncaught(e.Value(), pos, "uncaughtException")
	case *jsError:
		var pos *srcPos
		if o, ok := e.v.(*sobek.Object); ok && h.cjs != nil {
			pos = h.cjs.syntaxPos[o]
		}
		if pos == nil {
			pos = internalSite(e.v)
		}
		h.uncaught(e.v, pos, "uncaughtException")
	case *engine.Crash:
		h.uncaught(nodeerr.New(h.Runtime, "Error", "ERR_JSVM_ENGINE_CRASH", e.Error()), nil, "uncaughtException")
	default:
		h.uncaught(h.Runtime.NewGoError(err), nil, "uncaughtException")
	}
}

// uncaught is Node's process._fatalException: listeners get the error, or
// the process prints it and exits with code 1.
func (h *Host) uncaught(val sobek.Value, pos *srcPos, origin string) {
	if h.stopped {
		return
	}
	if h.emitter.count("uncaughtException") > 0 {
		if err := h.emitter.emitErr("uncaughtException", val, h.Runtime.ToValue(origin)); err != nil {
			// an error thrown by the handler itself is fatal (exit code 7)
			h.fatal(exceptionValue(err), exceptionPos(err), 7)
		}
		return
	}
	h.fatal(val, pos, 1)
}

// fatalMemory ends the process when the heap watchdog stopped the
// outermost run: Node aborts on a heap out of memory ("FATAL ERROR: ...
// JavaScript heap out of memory", exit code 134, no 'exit' or
// 'uncaughtException' event). The heap is still full (what filled it is
// still reachable), so no JavaScript runs — it would be stopped again
// (a handler's call was, and the error printed as a bare "[RangeError]"
// or "undefined"): the error, its code and the frames where the run was
// stopped are printed from Go, in the shape of an uncaught error.
func (h *Host) fatalMemory(err error, m *core.MemoryLimitError) {
	const exitCode = 134
	h.exiting = true
	h.exitCode = exitCode
	h.stopped = true
	if h.Options.OnFatal != nil {
		if ctor, ok := h.Intrinsic("RangeError").(*sobek.Object); ok {
			if v, _ := h.Runtime.New(ctor, h.Runtime.ToValue(m.Error())); v != nil {
				_ = v.DefineDataProperty("code", h.Runtime.ToValue(m.Code()), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
				h.Options.OnFatal(v)
			}
		}
		h.Runtime.Interrupt(exitSignal{})
		return
	}
	var b strings.Builder
	b.WriteString("RangeError [" + m.Code() + "]: " + m.Error())
	if ie, ok := err.(*sobek.InterruptedError); ok {
		st := ie.Stack()
		b.WriteString(stack.Frames(st[:min(10, len(st))]))
	}
	b.WriteString(" {\n  code: '" + m.Code() + "'\n}\n")
	b.WriteString("\nNode.js " + NodeVersion + "\n")
	h.writeErr(h.mapStack(b.String()))
	h.Runtime.Interrupt(exitSignal{})
}

func exceptionValue(err error) sobek.Value {
	if e, ok := err.(*sobek.Exception); ok {
		return e.Value()
	}
	return sobek.Undefined()
}

func exceptionPos(err error) *srcPos {
	if e, ok := err.(*sobek.Exception); ok {
		for _, f := range e.Stack() {
			p := f.Position()
			// the host's own JavaScript (node:internal/...) is no throw site
			if p.Filename != "" && p.Line > 0 && !strings.HasPrefix(p.Filename, "node:") {
				return &srcPos{p.Filename, p.Line, p.Column, true}
			}
		}
	}
	return nil
}

// fatal prints an uncaught error as Node does and stops the process.
func (h *Host) fatal(val sobek.Value, pos *srcPos, code int) {
	if !h.exiting {
		h.exiting = true
		h.exitCode = code
		if err := h.emitter.emitErr("exit", h.Runtime.ToValue(code)); err != nil {
			_ = err
		}
	}
	h.exitCode = code
	h.stopped = true
	if h.Options.OnFatal != nil {
		h.Options.OnFatal(val)
	} else {
		h.writeErr(h.mapStack(h.formatFatal(val, pos)))
	}
	h.Runtime.Interrupt(exitSignal{})
}

func (h *Host) isError(v sobek.Value) bool {
	o, ok := v.(*sobek.Object)
	if !ok {
		return false
	}
	ctor := h.intrinsicError()
	if ctor != nil && h.Runtime.InstanceOf(o, ctor) {
		return true
	}
	// an Error of another context (seen through the membrane) is one too
	return foreignError(o)
}

func foreignError(o *sobek.Object) (is bool) {
	defer func() {
		if recover() != nil {
			is = false // a throwing getter: not an error to print as one
		}
	}()
	v := o.Get("stack")
	if v == nil {
		return false
	}
	s, _ := v.Export().(string)
	return strings.Contains(s, "\n    at ") || strings.Contains(s, "\n\tat ")
}

var stackPosRe = regexp.MustCompile(`\(?((?:[A-Za-z]+:(?://)?)?[^():\s](?:[^():]|\(\d+\))*):(\d+):(\d+)`) // names like vm:module(0) too

// errorPos finds the creation position of an Error from its stack text.
func errorPos(stack string) *srcPos {
	for _, line := range strings.Split(stack, "\n")[1:] {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "at ") {
			continue
		}
		m := stackPosRe.FindStringSubmatch(line[3:])
		if m == nil {
			continue
		}
		l, _ := strconv.Atoi(m[2])
		c, _ := strconv.Atoi(m[3])
		return &srcPos{m[1], l, c, false}
	}
	return nil
}

func (h *Host) formatFatal(val sobek.Value, pos *srcPos) string {
	var b strings.Builder
	isErr := h.isError(val)
	_, isObj := val.(*sobek.Object)
	// Node prints the source line of an object thrown out of a vm run as
	// it does for an Error (no blank line first, one after the caret)
	vmObj := isObj && !isErr && h.vmThrow != nil && pos == h.vmThrow.pos
	// Node prints the source line of a value that is no native error (an
	// object that only inherits from Error.prototype too) after a blank line
	native := isErr && (val.(*sobek.Object).ClassName() == "Error" || isProxy(val.(*sobek.Object)) && foreignError(val.(*sobek.Object)))
	if !native && !vmObj {
		b.WriteString("\n")
	}
	if pos == nil && isErr {
		if s := val.(*sobek.Object).Get("stack"); s != nil {
			pos = errorPos(s.String())
		}
	}
	if isErr && decorated(val) {
		pos = nil // its stack already shows the source line (vm's displayErrors)
	}
	if hdr, ok := internalSites[pos.fileOrEmpty()]; ok {
		b.WriteString(hdr) // Node shows its own throw site for these
	} else if pos != nil {
		src, ok := h.sources[pos.file]
		if !ok {
			// code compiled by vm: its line from the source registry
			if text, idx, found := stack.Line(pos.file, pos.line, pos.col); found && pos.line >= 1 {
				src, ok = strings.Repeat("\n", pos.line-1)+text, true
				pos = &srcPos{pos.file, pos.line, idx + 1, pos.thrown}
			}
		}
		if ok {
			lines := strings.Split(src, "\n")
			if pos.line-1 < len(lines) {
				line := strings.TrimRight(lines[pos.line-1], "\r")
				b.WriteString(pos.file + ":" + strconv.Itoa(pos.line) + "\n")
				b.WriteString(line + "\n")
				col := pos.col - 1
				width := 1
				if msg, ok := syntaxMessage(val); ok && !pos.thrown {
					// V8 underlines the offending token
					width = stack.CaretWidth(msg, line, col)
				} else {
					col = stack.Column(pos.file, pos.line, pos.col) - 1
				}
				if pos.thrown {
					col = throwColumn(line, col)
				} else if col < 0 {
					col = 0
				}
				pad := []rune(line)
				if col > len(pad) {
					col = len(pad)
				}
				for _, r := range pad[:col] {
					if r == '\t' {
						b.WriteByte('\t')
					} else {
						b.WriteByte(' ')
					}
				}
				b.WriteString(strings.Repeat("^", width) + "\n")
				if native || vmObj {
					b.WriteString("\n")
				}
			}
		}
	}
	if s, ok := val.(sobek.String); ok {
		b.WriteString(s.String()) // a thrown string prints as it is
	} else {
		b.WriteString(h.inspectError(val))
	}
	b.WriteString("\n")
	if !isObj {
		b.WriteString("(Use `node --trace-uncaught ...` to show where the exception was thrown)\n")
	}
	b.WriteString("\nNode.js " + NodeVersion + "\n")
	return b.String()
}

// inspectError renders an uncaught value: util.inspect when util is
// registered, else the stack or the string form.
func (h *Host) inspectError(val sobek.Value) string {
	if _, ok := h.Options.Registry.Lookup("util"); ok {
		s := h.inspect(val)
		if s != "" {
			return s
		}
	}
	if o, ok := val.(*sobek.Object); ok && h.isError(val) {
		if s := o.Get("stack"); s != nil && !sobek.IsUndefined(s) {
			return stack.V8(s.String())
		}
	}
	return nodeerr.InspectShort(val, 1<<20)
}

// inspect is util.inspect(v) when util is available, else a short form.
func (h *Host) inspect(v sobek.Value) string {
	if _, ok := h.Options.Registry.Lookup("util"); ok {
		u, err := h.Require("util")
		if err == nil {
			if uo, ok := u.(*sobek.Object); ok {
				if f, ok := sobek.AssertFunction(uo.Get("inspect")); ok {
					r, err := f(uo, v)
					if err == nil {
						return r.String()
					}
				}
			}
		}
	}
	if v == nil {
		return "undefined"
	}
	if _, ok := v.(*sobek.Object); ok {
		return nodeerr.InspectShort(v, 1<<20)
	}
	if s, ok := v.Export().(string); ok {
		return s
	}
	return v.String()
}

// ---- unhandled rejections ----

func (h *Host) trackRejection(p *sobek.Promise, op sobek.PromiseRejectionOperation) {
	switch op {
	case sobek.PromiseRejectionReject:
		h.rejectionSeq++
		h.rejections = append(h.rejections, &pendingRejection{p: p, id: h.rejectionSeq})
	case sobek.PromiseRejectionHandle:
		h.rejectionHandled(p)
	}
}

// rejectionHandled notes that p got a handler: before its rejection was
// processed, it is not reported; after (Node's "warned" promises), the
// next processing emits 'rejectionHandled' for it.
func (h *Host) rejectionHandled(p *sobek.Promise) {
	for _, r := range h.rejections {
		if r.p == p {
			r.handled = true
		}
	}
	key := weak.Make(p)
	if r, ok := h.reported[key]; ok {
		delete(h.reported, key)
		r.p = p
		h.lateHandled = append(h.lateHandled, r)
	}
}

// noteReported remembers a processed rejection for a late handler. Weakly,
// as Node's WeakMap: a promise that is never handled is not kept; entries
// of collected promises are pruned as the table grows.
func (h *Host) noteReported(r *pendingRejection) {
	if h.reported == nil {
		h.reported = make(map[weak.Pointer[sobek.Promise]]*pendingRejection)
	}
	if len(h.reported) >= 2*h.reportedPruned+64 {
		for k := range h.reported {
			if k.Value() == nil {
				delete(h.reported, k)
			}
		}
		h.reportedPruned = len(h.reported)
	}
	h.reported[weak.Make(r.p)] = &pendingRejection{rt: r.rt, carry: r.carry, id: r.id}
}

// emitLateHandled emits 'rejectionHandled' for promises whose rejection was
// reported and that got a handler since, or Node's
// PromiseRejectionHandledWarning when nothing listens.
func (h *Host) emitLateHandled(list []*pendingRejection) {
	for _, r := range list {
		if h.stopped {
			return
		}
		var pv sobek.Value
		if r.carry != nil {
			pv = r.carry(r.rt.ToValue(r.p))
		} else {
			pv = h.Runtime.ToValue(r.p)
		}
		if h.emitListen("rejectionHandled", pv) {
			continue
		}
		if w, ok := sobek.AssertFunction(h.process.Get("emitWarning")); ok {
			_, _ = w(h.process, h.Runtime.ToValue("Promise rejection was handled asynchronously (rejection id: "+strconv.Itoa(r.id)+")"), h.Runtime.ToValue("PromiseRejectionHandledWarning"))
		}
	}
}

const unhandledMsg = "This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "

func (h *Host) processRejections() {
	if late := h.lateHandled; len(late) > 0 {
		h.lateHandled = nil
		h.emitLateHandled(late)
	}
	list := h.rejections
	h.rejections = nil
	mode := h.Options.UnhandledRejections
	for _, r := range list {
		if r.handled || h.stopped {
			continue
		}
		reason := r.p.Result()
		var pv sobek.Value
		if r.carry != nil {
			reason, pv = r.carry(reason), r.carry(r.rt.ToValue(r.p))
		} else {
			pv = h.Runtime.ToValue(r.p)
		}
		h.noteReported(r)
		switch mode {
		case "none":
			h.emitter.emitErr("unhandledRejection", reason, pv)
			continue
		case "warn":
			if !h.emitListen("unhandledRejection", reason, pv) {
				h.rejectionWarning(reason, r.id)
			}
			continue
		case "warn-with-error-code":
			if !h.emitListen("unhandledRejection", reason, pv) {
				h.rejectionWarning(reason, r.id)
				h.exitCode = 1
			}
			continue
		case "strict":
			h.uncaught(h.rejectionError(reason), nil, "unhandledRejection")
			if !h.stopped {
				h.emitListen("unhandledRejection", reason, pv)
			}
			continue
		}
		if h.emitListen("unhandledRejection", reason, pv) {
			continue
		}
		if !h.isError(reason) && h.emitter.count("uncaughtException") == 0 {
			h.fatalUnhandled(reason)
			continue
		}
		h.uncaught(h.rejectionError(reason), nil, "unhandledRejection")
	}
}

// emitListen emits ev if it has listeners and reports whether it had.
func (h *Host) emitListen(ev string, args ...sobek.Value) bool {
	if h.emitter.count(ev) == 0 {
		return false
	}
	if err := h.emitter.emitErr(ev, args...); err != nil {
		h.reportError(err)
	}
	return true
}

func (h *Host) rejectionError(reason sobek.Value) sobek.Value {
	if h.isError(reason) {
		if o, ok := reason.(*sobek.Object); ok {
			stack.TranslateFromStack(o) // V8's words for engine errors
		}
		return reason
	}
	e := nodeerr.New(h.Runtime, "Error", "ERR_UNHANDLED_REJECTION", unhandledMsg+quoteReason(h, reason)+".")
	_ = e.Set("name", "UnhandledPromiseRejection")
	st := e.Get("stack").String()
	if i := strings.IndexByte(st, '\n'); i >= 0 {
		st = st[i:]
	} else {
		st = ""
	}
	_ = e.Set("stack", "UnhandledPromiseRejection: "+e.Get("message").String()+st)
	return e
}

func quoteReason(h *Host, reason sobek.Value) string {
	return "\"" + h.inspectPlain(reason) + "\""
}

func (h *Host) inspectPlain(v sobek.Value) string {
	if v == nil || sobek.IsUndefined(v) {
		return "undefined"
	}
	if _, ok := v.(*sobek.Object); !ok {
		return v.String()
	}
	return h.inspect(v)
}

// fatalUnhandled prints a non-Error unhandled rejection the way Node v20
// does (its message comes from node's internals).
func (h *Host) fatalUnhandled(reason sobek.Value) {
	if !h.exiting {
		h.exiting = true
		h.exitCode = 1
		h.emitter.emitErr("exit", h.Runtime.ToValue(1))
	}
	h.exitCode = 1
	h.stopped = true
	if h.Options.OnFatal != nil {
		e := nodeerr.New(h.Runtime, "Error", "ERR_UNHANDLED_REJECTION", unhandledMsg+quoteReason(h, reason)+".")
		_ = e.DefineDataProperty("name", h.Runtime.ToValue("UnhandledPromiseRejection"), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		h.Options.OnFatal(e)
		h.Runtime.Interrupt(exitSignal{})
		return
	}
	var b strings.Builder
	b.WriteString("node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n")
	b.WriteString("UnhandledPromiseRejection: " + unhandledMsg + quoteReason(h, reason) + ".\n")
	b.WriteString("    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n")
	b.WriteString("    at processPromiseRejections (node:internal/process/promises:470:17)\n")
	b.WriteString("    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n")
	b.WriteString("\nNode.js " + NodeVersion + "\n")
	h.writeErr(b.String())
	h.Runtime.Interrupt(exitSignal{})
}

func (h *Host) rejectionWarning(reason sobek.Value, id int) {
	s := h.inspectPlain(reason)
	if h.isError(reason) {
		if st := reason.(*sobek.Object).Get("stack"); st != nil {
			s = st.String()
		}
	}
	h.writeErr("(node:" + strconv.Itoa(pid()) + ") UnhandledPromiseRejectionWarning: " + s + "\n")
	if !h.warnedUse {
		h.warnedUse = true
		h.writeErr("(Use `node --trace-warnings ...` to show where the warning was created)\n")
	}
	h.writeErr("(node:" + strconv.Itoa(pid()) + ") UnhandledPromiseRejectionWarning: Unhandled promise rejection. " + unhandledHint + " (rejection id: " + strconv.Itoa(id) + ")\n")
}

const unhandledHint = "This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode)."

// throwColumn moves a position inside `throw <expr>` back to the throw
// keyword, where V8 reports a throw.
func throwColumn(line string, col int) int {
	if col < 0 {
		return 0
	}
	r := []rune(line)
	if col > len(r) {
		return col
	}
	if col < len(r) && r[col] == '(' {
		// a call: V8 points at the callee's name
		i := col
		for i > 0 && isIdent(r[i-1]) {
			i--
		}
		return i
	}
	i := col
	for i > 0 && (r[i-1] == ' ' || r[i-1] == '\t') {
		i--
	}
	if i >= 5 && string(r[i-5:i]) == "throw" && (i == 5 || !isIdent(r[i-6])) {
		return i - 5
	}
	return col
}

func isIdent(r rune) bool {
	return r == '_' || r == '$' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// syntaxMessage returns the message of a SyntaxError.
func syntaxMessage(v sobek.Value) (msg string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	o, isObj := v.(*sobek.Object)
	if !isObj {
		return "", false
	}
	if n := o.Get("name"); n == nil || n.String() != "SyntaxError" {
		return "", false
	}
	m := o.Get("message")
	if m == nil {
		return "", false
	}
	return m.String(), true
}

// Errors thrown by Node's module loaders: Node shows the loader's own throw
// site (in v20.20.2) above them.
// esmMainSite is where Node's ESM entry rethrows its module's error.
const esmMainSite = "node:internal/modules/run_main:123"

var internalSites = map[string]string{
	esmMainSite:                                 esmMainSite + "\n    triggerUncaughtException(\n    ^\n",
	"node:internal/modules/cjs/loader:1210":     "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\n",
	"node:internal/modules/esm/resolve:873":     "node:internal/modules/esm/resolve:873\n  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);\n        ^\n\n",
	"node:vm:137":                               "node:vm:137\n    return ReflectApply(super.runInContext, this, args);\n           ^\n\n",
	"node:vm:149":                               "node:vm:149\n    return ReflectApply(super.runInContext, this, args);\n           ^\n\n",
	"node:internal/modules/esm/resolve:283":     "node:internal/modules/esm/resolve:283\n    throw new ERR_MODULE_NOT_FOUND(\n          ^\n\n",
	"node:internal/modules/esm/assert:89":       "node:internal/modules/esm/assert:89\n        throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, validType);\n              ^\n\n",
	"node:internal/modules/esm/assert:106":      "node:internal/modules/esm/assert:106\n    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);\n          ^\n\n",
	"node:internal/modules/esm/assert:110":      "node:internal/modules/esm/assert:110\n  throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, type);\n        ^\n\n",
	"node:internal/modules/esm/assert:61":       "node:internal/modules/esm/assert:61\n      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(keys[i], importAttributes[keys[i]]);\n            ^\n\n",
	"node:internal/modules/esm/translators:391": "node:internal/modules/esm/translators:391\n    throw new ERR_UNKNOWN_BUILTIN_MODULE(url);\n          ^\n\n",
}

func (p *srcPos) fileOrEmpty() string {
	if p == nil {
		return ""
	}
	return p.file
}

// internalSite returns the loader's throw site for a module-not-found
// error, or nil.
func internalSite(v sobek.Value) (pos *srcPos) {
	defer func() {
		if recover() != nil {
			pos = nil
		}
	}()
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	code, msg := o.Get("code"), o.Get("message")
	if code == nil || msg == nil {
		return nil
	}
	site := ""
	switch c, m := code.String(), msg.String(); {
	case c == "MODULE_NOT_FOUND" && strings.HasPrefix(m, "Cannot find module "):
		site = "node:internal/modules/cjs/loader:1210"
	case c == "ERR_MODULE_NOT_FOUND" && strings.HasPrefix(m, "Cannot find package "):
		site = "node:internal/modules/esm/resolve:873"
	case c == "ERR_MODULE_NOT_FOUND" && strings.HasPrefix(m, "Cannot find module "):
		site = "node:internal/modules/esm/resolve:283"
	case c == "ERR_IMPORT_ASSERTION_TYPE_MISSING":
		site = "node:internal/modules/esm/assert:89"
	case c == "ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED":
		site = "node:internal/modules/esm/assert:106"
	case c == "ERR_IMPORT_ASSERTION_TYPE_FAILED":
		site = "node:internal/modules/esm/assert:110"
	case c == "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED":
		site = "node:internal/modules/esm/assert:61"
	case c == "ERR_UNKNOWN_BUILTIN_MODULE" && strings.HasPrefix(m, "No such built-in module: node:"):
		site = "node:internal/modules/esm/translators:391"
	default:
		return nil
	}
	return &srcPos{file: site}
}

// crossedThrowSite finds where an error crossing contexts was thrown: the
// membrane rethrows it at the call into the other context (pos), which its
// completed stack lists below the frames of the other context.
func crossedThrowSite(o *sobek.Object, pos *srcPos) (site *srcPos) {
	defer func() {
		if recover() != nil {
			site = nil
		}
	}()
	sv := o.Get("stack")
	if sv == nil {
		return nil
	}
	s, ok := sv.Export().(string)
	if !ok {
		return nil
	}
	s = stack.V8(s)
	at := ":" + strconv.Itoa(pos.line) + ":" + strconv.Itoa(stack.Column(pos.file, pos.line, pos.col)) + ")"
	var first *srcPos
	for i, line := range strings.Split(s, "\n") {
		if i == 0 || !strings.HasPrefix(line, "    at ") {
			continue
		}
		if strings.HasSuffix(line, " ("+pos.file+at) || line == "    at "+pos.file+at[:len(at)-1] {
			if first != nil && first.file != pos.file {
				return first
			}
			return nil
		}
		if first == nil {
			if p := errorPos("x\n" + line); p != nil {
				p.thrown = true
				first = p
			}
		}
	}
	return nil
}

var arrowHeadRe = regexp.MustCompile(`^[^\n]*:\d+\n[^\n]*\n[ \t]*\^*\n\n`)

// decorated reports whether an error's stack starts with the source line
// and caret (as vm decorates errors leaving a run).
func decorated(v sobek.Value) (yes bool) {
	defer func() {
		if recover() != nil {
			yes = false
		}
	}()
	sv := v.(*sobek.Object).Get("stack")
	if sv == nil {
		return false
	}
	s, _ := sv.Export().(string)
	return arrowHeadRe.MatchString(s)
}

// vmSite is the throw site Node shows for a vm run that timed out: its
// Script.runInThisContext or Script.runInContext.
func vmSite(v sobek.Value) (pos *srcPos) {
	defer func() {
		if recover() != nil {
			pos = nil
		}
	}()
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	if c := o.Get("code"); c == nil || c.String() != "ERR_SCRIPT_EXECUTION_TIMEOUT" {
		return nil
	}
	st := o.Get("stack")
	if st == nil {
		return nil
	}
	for _, line := range strings.Split(st.String(), "\n") {
		if i := strings.Index(line, " (node:vm:"); i >= 0 {
			if strings.HasSuffix(line[:i], "runInThisContext") {
				return &srcPos{file: "node:vm:137"}
			}
			return &srcPos{file: "node:vm:149"}
		}
	}
	return nil
}

// throwFrame guesses the throw site of an Error object from its creation
// stack (which is all sobek keeps): the first frame, from the top, whose
// position is the operand of a throw statement (`throw make()` called
// make, which created the error). nil when there is none.
func (h *Host) throwFrame(frames []sobek.StackFrame) *srcPos {
	for _, f := range frames {
		p := f.Position()
		if p.Filename == "" || p.Line <= 0 {
			continue
		}
		var text string
		idx := -1
		if src, ok := h.sources[p.Filename]; ok {
			lines := strings.Split(src, "\n")
			if p.Line-1 < len(lines) {
				text, idx = lines[p.Line-1], p.Column-1
			}
		} else if t, i, ok := stack.Line(p.Filename, p.Line, p.Column); ok {
			text, idx = t, i
		}
		if idx < 0 || idx > len(text) {
			continue
		}
		if idx < len(text) {
			idx = stack.V8Index(text, idx)
		}
		before := strings.TrimRight(text[:idx], " \t")
		if strings.HasSuffix(before, "throw") && (len(before) == 5 || !isIdent(rune(before[len(before)-6]))) {
			return &srcPos{p.Filename, p.Line, p.Column, true}
		}
	}
	return nil
}

// completeStack appends the host's frames to the stack of an error of
// another context rejected while the host's code is running it (V8 keeps
// one stack for all the contexts).
func (h *Host) completeStack(v sobek.Value) {
	o, ok := v.(*sobek.Object)
	if !ok {
		return
	}
	defer func() { _ = recover() }()
	sv := o.Get("stack")
	if sv == nil {
		return
	}
	if st, _ := sv.Export().(string); strings.Contains(st, "\tat ") {
		_ = o.Set("stack", stack.V8(st)) // sobek's: made before the realm's stacks were hooked
	}
	h.Isolate.Main().CompleteStack(o)
}

type vmThrow struct {
	v   sobek.Value
	pos *srcPos
}

// NoteThrow records where a value that is not an Error was thrown out of
// a vm run (the position as sobek reports it): Node shows that source
// line if the value ends the process.
func (h *Host) NoteThrow(v sobek.Value, file string, line, col int) {
	h.vmThrow = &vmThrow{v: v, pos: &srcPos{file, line, col, true}}
}
