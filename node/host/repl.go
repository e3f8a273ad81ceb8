package host

import (
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// REPL is the evaluation side of the read-eval-print loop (the jsvm
// command owns the terminal): inputs run in the main context's global
// scope with require and module in scope as in Node's REPL; `_` is
// the last result and `_error` the last uncaught error, each until code
// assigns it (then Node prints "Expression assignment to _ now disabled.").
type REPL struct {
	h        *Host
	out      io.Writer
	last     sobek.Value
	lastErr  sobek.Value
	lexicals map[string]bool // let/const/class names declared at the prompt
	setLast  func(sobek.Value)
	setErr   func(sobek.Value)
	gopd     sobek.Callable // Reflect.getOwnPropertyDescriptor, taken before any input runs
	// Lines are the inputs evaluated without an uncaught error (.save).
	Lines []string
	n     int // inputs evaluated
}

// NewREPL prepares the main context for a REPL whose messages go to out.
func (h *Host) NewREPL(out io.Writer) *REPL {
	r := &REPL{h: h, out: out, last: sobek.Undefined(), lastErr: sobek.Undefined(), lexicals: map[string]bool{}}
	rt := h.Runtime
	if refl, ok := rt.GlobalObject().Get("Reflect").(*sobek.Object); ok {
		r.gopd, _ = sobek.AssertFunction(refl.Get("getOwnPropertyDescriptor"))
	}
	cwd, _ := os.Getwd()
	m := h.newModule("<repl>", "", sobek.Undefined())
	_ = m.Set("path", cwd)
	_ = m.Set("paths", rt.ToValue(nodeModulesPaths(cwd)))
	h.replModule = m
	g := rt.GlobalObject()
	def := func(name string, v sobek.Value) {
		_ = g.DefineDataProperty(name, v, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
	def("module", m)
	req := h.makeRequire(m)
	def("require", req)
	h.addBuiltinLibs(req)
	// `_` and `_error` as Node defines them on the context: accessors that
	// stop tracking once assigned
	track := func(name string, slot *sobek.Value) {
		assigned := false
		get := rt.ToValue(func() sobek.Value { return *slot })
		set := rt.ToValue(func(v sobek.Value) {
			*slot = v
			if !assigned {
				assigned = true
				io.WriteString(r.out, "Expression assignment to "+name+" now disabled.\n")
			}
		})
		_ = g.DefineAccessorProperty(name, get, set, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		if name == "_" {
			r.setLast = func(v sobek.Value) {
				if !assigned {
					*slot = v
				}
			}
		} else {
			r.setErr = func(v sobek.Value) {
				if !assigned {
					*slot = v
				}
			}
		}
	}
	track("_", &r.last)
	track("_error", &r.lastErr)
	return r
}

// Eval evaluates one complete input. On success it returns the value as
// the REPL prints it; on an uncaught throw, Node's "Uncaught ..." text.
func (r *REPL) Eval(code string, colors bool) (out string, ok bool) {
	h := r.h
	rt := h.Runtime
	var prg *sobek.Program
	var err error
	src := code
	r.n++
	name := "REPL" + strconv.Itoa(r.n) // Node's file name of the n-th input
	if t := strings.TrimSpace(code); strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		// an object literal typed at the prompt: Node tries it as an
		// expression first
		prg, err = compileScript(name, engine.RewriteRegExps("("+code+")", false))
	}
	if prg == nil {
		prg, err = compileScript(name, engine.RewriteRegExps(code, false))
	}
	if err == nil && engine.MayAwait(code) {
		err = engine.EnsureAwaitHook(rt)
	}
	if err != nil {
		e := h.syntaxError("REPL", src, err, 0).(*jsError).v
		if o, ok := e.(*sobek.Object); ok {
			_ = rt.Try(func() { _ = o.Set("stack", "SyntaxError: "+o.Get("message").String()) })
		}
		text := "Uncaught " + r.uncaught(e)
		if o, ok := e.(*sobek.Object); ok {
			if p := h.cjs.syntaxPos[o]; p != nil {
				// Node shows the line and underlines the token
				lines := strings.Split(src, "\n")
				if p.line >= 1 && p.line <= len(lines) {
					line := lines[p.line-1]
					width := 1
					if msg, ok := syntaxMessage(e); ok {
						width = stack.CaretWidth(msg, line, p.col-1)
					}
					col := max(p.col-1, 0)
					text = line + "\n" + strings.Repeat(" ", col) + strings.Repeat("^", max(width, 1)) + "\n\n" + text
				}
			}
		}
		r.setErr(e)
		return text, false
	}
	var v sobek.Value
	// Ctrl+C while the input runs stops it, as Node's REPL (breakOnSigint)
	stop := h.WatchSIGINT(func() { rt.Interrupt(replSIGINT{}) })
	var interrupted bool
	ex := rt.Try(func() {
		res, err := rt.RunProgram(prg)
		if ie, ok := err.(*sobek.InterruptedError); ok {
			if _, ok := ie.Value().(replSIGINT); ok {
				interrupted = true
				return
			}
		}
		if err != nil {
			panic(err)
		}
		v = res
	})
	stop()
	if interrupted {
		rt.ClearInterrupt()
		ctor, _ := sobek.AssertConstructor(rt.Get("Error"))
		e, _ := ctor(nil, rt.ToValue("Script execution was interrupted by `SIGINT`"))
		_ = e.Set("code", "ERR_SCRIPT_EXECUTION_INTERRUPTED")
		r.setErr(e)
		return "Uncaught " + r.uncaught(e), false
	}
	if ex != nil {
		r.setErr(ex.Value())
		return "Uncaught " + r.uncaught(ex.Value()), false
	}
	r.noteLexicals(code)
	r.Lines = append(r.Lines, code)
	r.setLast(v)
	return h.inspect(v), true
}

// Skip counts an input that was empty or incomplete: Node evaluates it
// too, and the n-th evaluation's file name is REPLn.
func (r *REPL) Skip() { r.n++ }

// replSIGINT interrupts an input on Ctrl+C.
type replSIGINT struct{}

// replTopFrame is the frame of an input's top-level code.
var replTopFrame = regexp.MustCompile(`^\s+at REPL\d+:\d+:\d+(\(\d+\))?$`)

// uncaught formats an error thrown by an input as Node's REPL: the stack
// loses the frames from the input's top level down (the REPL's own say
// nothing), then the error is
// inspected, and a one-line "[Error: x]" loses its brackets.
func (r *REPL) uncaught(v sobek.Value) string {
	h := r.h
	if o, ok := v.(*sobek.Object); ok && h.isError(v) {
		_ = h.Runtime.Try(func() {
			if st, ok := o.Get("stack").Export().(string); ok {
				lines := strings.Split(st, "\n")
				for i, l := range lines {
					if replTopFrame.MatchString(l) {
						_ = o.Set("stack", strings.Join(lines[:i], "\n"))
						break
					}
				}
			}
		})
	}
	s := h.inspectError(v)
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = s[1 : len(s)-1]
	}
	return s
}

// noteLexicals records the let/const/class names an input declared at top
// level: they live in the global lexical scope, not on the global object,
// and completion offers them as Node's does.
func (r *REPL) noteLexicals(code string) {
	p, err := parser.ParseFile(nil, "REPL", code, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return
	}
	for _, st := range p.Body {
		switch s := st.(type) {
		case *ast.LexicalDeclaration:
			for _, b := range s.List {
				if id, ok := b.Target.(*ast.Identifier); ok {
					r.lexicals[string(id.Name)] = true
				}
			}
		case *ast.ClassDeclaration:
			if s.Class != nil && s.Class.Name != nil {
				r.lexicals[string(s.Class.Name.Name)] = true
			}
		}
	}
}

var (
	completeRe = regexp.MustCompile(`(?:^|[^\w$.])((?:[A-Za-z_$][\w$]*\s*\.\s*)*)([A-Za-z_$][\w$]*)?$`)
)

// replKeywords are the words Node's REPL completes besides names.
var replKeywords = []string{"async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
	"do", "else", "export", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new", "null", "return",
	"super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield"}

// ReplCommands are the REPL's dot commands, for completion and .help.
var ReplCommands = []string{".break", ".clear", ".editor", ".exit", ".help", ".load", ".save"}

// Complete returns the completions of the word before the end of line and
// that word (Node's completer result: after `a.`, "a.b" for a property b). After `a.b.` it lists the property
// names of a.b found without running code: data properties only, never a
// getter or a Proxy trap (Node evaluates with side effects refused).
func (r *REPL) Complete(line string) (completions []string, word string) {
	if strings.HasPrefix(line, ".") && !strings.ContainsAny(line, " \t") {
		for _, c := range ReplCommands {
			if strings.HasPrefix(c, line) {
				completions = append(completions, c)
			}
		}
		return completions, line
	}
	m := completeRe.FindStringSubmatch(line)
	if m == nil {
		return nil, ""
	}
	path, word := m[1], m[2]
	var groups [][]string
	if path == "" {
		groups = append(groups, r.names(r.h.Runtime.GlobalObject()), slices.Collect(func(yield func(string) bool) {
			for k := range r.lexicals {
				if !yield(k) {
					return
				}
			}
		}), replKeywords)
	} else {
		var parts []string
		for _, p := range strings.Split(path, ".") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		o := r.resolve(parts)
		if o == nil {
			return nil, word
		}
		for cur := o; cur != nil; cur = cur.Prototype() {
			if isProxy(cur) {
				break
			}
			groups = append(groups, r.names(cur))
		}
	}
	seen := map[string]bool{}
	for _, g := range groups {
		sort.Strings(g)
		for _, n := range g {
			if !seen[n] && strings.HasPrefix(n, word) && identRe.MatchString(n) {
				seen[n] = true
				completions = append(completions, path+n)
			}
		}
	}
	return completions, path + word
}

var typeProxy = reflect.TypeOf(sobek.Proxy{})

func isProxy(o *sobek.Object) bool { return o.ExportType() == typeProxy }

// names is o's own string keys (no Proxy: its ownKeys trap would run).
func (r *REPL) names(o *sobek.Object) (out []string) {
	if isProxy(o) {
		return nil
	}
	_ = r.h.Runtime.Try(func() { out = o.GetOwnPropertyNames() })
	return out
}

// resolve finds a.b.c through data properties only; the first name may
// be a global lexical binding, read by evaluating the bare identifier.
func (r *REPL) resolve(parts []string) (res *sobek.Object) {
	rt := r.h.Runtime
	defer func() {
		if recover() != nil {
			res = nil
		}
	}()
	var cur sobek.Value
	g := rt.GlobalObject()
	first := parts[0]
	if v, ok := r.dataProperty(g, first); ok {
		cur = v
	} else if r.lexicals[first] {
		if rt.Try(func() { cur = rt.Get(first) }) != nil || cur == nil {
			v, err := rt.RunString(first)
			if err != nil {
				return nil
			}
			cur = v
		}
	} else {
		return nil
	}
	for _, p := range parts[1:] {
		o := toObject(rt, cur)
		if o == nil {
			return nil
		}
		v, ok := r.dataProperty(o, p)
		if !ok {
			return nil
		}
		cur = v
	}
	return toObject(rt, cur)
}

func toObject(rt *sobek.Runtime, v sobek.Value) *sobek.Object {
	if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
		return nil
	}
	return v.ToObject(rt)
}

// dataProperty reads name on o or its prototypes when it is a data
// property there (a getter or a Proxy on the way gives no value).
func (r *REPL) dataProperty(o *sobek.Object, name string) (sobek.Value, bool) {
	rt := r.h.Runtime
	gopd := r.gopd
	for cur := o; cur != nil; cur = cur.Prototype() {
		if isProxy(cur) || gopd == nil {
			return nil, false
		}
		d, err := gopd(sobek.Undefined(), cur, rt.ToValue(name))
		if err != nil {
			return nil, false
		}
		if sobek.IsUndefined(d) {
			continue
		}
		do := d.ToObject(rt)
		if v := do.Get("value"); v != nil && do.Get("get") == nil {
			return v, true
		}
		return nil, false
	}
	return nil, false
}
