package core

import (
	"errors"
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// ScriptOptions are the compile-time options of vm.Script.
type ScriptOptions struct {
	Filename     string // default "evalmachine.<anonymous>"
	LineOffset   int
	ColumnOffset int
}

// DefaultFilename is Node's filename for scripts that name none.
const DefaultFilename = "evalmachine.<anonymous>"

// Script is compiled code, bound to no runtime: it may run in any context
// of any isolate, concurrently too.
type Script struct {
	Program *sobek.Program
	Source  string
	Options ScriptOptions
	// catches: the source can catch an error (errwords.go); a run of a
	// script that cannot leaves the realm's error constructors alone.
	// regexps: it names RegExp (regexpctor.go).
	catches, regexps bool
	// scanned: iterates, slashes and awaits are known (ScriptOf): the
	// source may iterate (mayIterate), make a RegExp (mayUseRegExp) or
	// await (engine.MayAwait). A rerun then reads them instead of
	// scanning the source again.
	scanned, iterates, slashes, awaits bool
}

// SyntaxError is a compile error with its position, offsets applied.
type SyntaxError struct {
	Message  string
	Filename string
	Line     int // 1-based
	Column   int // 1-based
}

func (e *SyntaxError) Error() string {
	return "SyntaxError: " + e.Message
}

// Compile compiles a classic script. Offsets are applied by padding the
// source, so positions in stacks and syntax errors come out as Node's.
func Compile(src string, opts ScriptOptions) (*Script, error) {
	if opts.Filename == "" {
		opts.Filename = DefaultFilename
	}
	lp, lr := SplitOffset(opts.LineOffset)
	cp, cr := SplitOffset(opts.ColumnOffset)
	p, err := compileSource(opts.Filename, pad(src, lp, cp), false)
	if err != nil {
		ShiftSyntaxError(err, lp, lr, cr)
		return nil, err
	}
	return ScriptOf(p, src, opts), nil
}

// maxPadding bounds the offsets applied by padding the source: Node takes
// any int32 (new vm.Script('(', { lineOffset: 2**31 - 1 }) answers at
// once), and padding with that many newlines would build and parse a
// 2 GiB text. Offsets beyond it, and negative ones (which padding cannot
// express), are added to the positions of syntax errors instead; stack
// frames of such a script then show the positions without them.
const maxPadding = 1 << 16

// SplitOffset splits an offset into the part applied by padding and the
// rest, added to positions.
func SplitOffset(n int) (padded, rest int) {
	switch {
	case n > maxPadding:
		return maxPadding, n - maxPadding
	case n < 0:
		return 0, n
	}
	return n, 0
}

// ShiftSyntaxError adds the offsets that padding did not apply to the
// position of a *SyntaxError err (compiled with linePad lines of padding).
func ShiftSyntaxError(err error, linePad, lineRest, colRest int) {
	var se *SyntaxError
	if (lineRest == 0 && colRest == 0) || !errors.As(err, &se) || se.Line == 0 {
		return
	}
	if se.Line == linePad+1 {
		se.Column += colRest
	}
	se.Line += lineRest
}

func pad(src string, line, col int) string {
	if line <= 0 && col <= 0 {
		return src
	}
	var b strings.Builder
	if line > 0 {
		b.WriteString(strings.Repeat("\n", line))
	}
	if col > 0 {
		b.WriteString(strings.Repeat(" ", col))
	}
	b.WriteString(src)
	return b.String()
}

func compileSource(filename, src string, strict bool) (*sobek.Program, error) {
	if err := checkSource(filename, src); err != nil {
		return nil, err
	}
	src = engine.RewriteRegExps(src, false) // regexps sobek compiles wrongly
	ast, err := parser.ParseFile(nil, filename, src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		if p, ok := lowerScript(filename, src, strict); ok { // lower.go
			return p, nil
		}
	}
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e := list[0]
			return nil, regexpLiteralWords(src, &SyntaxError{Message: e.Message, Filename: filename, Line: e.Position.Line, Column: e.Position.Column})
		}
		var one *parser.Error
		if errors.As(err, &one) {
			return nil, &SyntaxError{Message: one.Message, Filename: filename, Line: one.Position.Line, Column: one.Position.Column}
		}
		return nil, &SyntaxError{Message: err.Error(), Filename: filename}
	}
	engine.FixArrowSources(ast) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	if engine.MayAwait(src) {
		engine.GuardParsedAwaits(ast) // sobek's await of a throwing Proxy (awaitguard.go)
	}
	if engine.MayHaveImportCalls(src) {
		engine.RewriteImportCalls(ast) // import() options read at run time (engine/importhook.go)
	}
	if engine.MayHaveFieldArrowThis(src) {
		engine.FixFieldArrowThis(ast) // sobek's `this` in field initializers (fieldthis.go)
	}
	p, err := sobek.CompileAST(ast, strict)
	if err != nil {
		if p, ok := lowerScript(filename, src, strict); ok { // lower.go
			return p, nil
		}
		var ce *sobek.CompilerSyntaxError
		if errors.As(err, &ce) {
			se := &SyntaxError{Message: ce.Message, Filename: filename}
			if ce.File != nil {
				pos := ce.File.Position(ce.Offset)
				se.Line, se.Column = pos.Line, pos.Column
			}
			return nil, regexpLiteralWords(src, se)
		}
		return nil, err
	}
	return p, nil
}

// Run runs s in c. A JS exception comes back as *sobek.Exception whose
// value belongs to c; Carry it to hand it to another realm.
func (c *Context) Run(s *Script) (sobek.Value, error) {
	if s.catches || s.Source == "" {
		// code that catches may read any engine error's message and
		// stack: RangeError (new Array(-1)), URIError, JSON's SyntaxError
		c.hookErrorWords()
		c.hookMoreWords()
	}
	if s.regexps || s.Source == "" {
		c.hookRegExp()
	}
	iterates, slashes, awaits := s.iterates, s.slashes, s.awaits
	if !s.scanned {
		iterates, slashes, awaits = mayIterate(s.Source), mayUseRegExp(s.Source), engine.MayAwait(s.Source)
	}
	if c.capped&capIteration == 0 && iterates {
		c.guardIteration()
	}
	if awaits || !s.scanned && s.Source == "" { // a program whose source is not known may await; an empty script does not
		if err := c.EnsureAwaitHook(); err != nil {
			return nil, c.asException(err)
		}
	}
	if engine.MayHaveImportCalls(s.Source) {
		if err := engine.EnsureImportHook(c.rt); err != nil {
			return nil, c.asException(err)
		}
	}
	return c.runProgram(s.Program, slashes)
}

// ScriptOf is the Script of a program compiled from src with opts (a
// program cached by its source).
func ScriptOf(p *sobek.Program, src string, opts ScriptOptions) *Script {
	return &Script{Program: p, Source: src, Options: opts, catches: mayCatch(src) || needsWords(src), regexps: strings.Contains(src, "RegExp") || engine.MayHaveSetOrIndexFlags(src),
		scanned: true, iterates: mayIterate(src), slashes: mayUseRegExp(src), awaits: engine.MayAwait(src)}
}

// needsWords reports whether src may make an engine error whose V8
// words only the error's making can tell (stack.EngineWords reads the
// operands and sobek's Go stack; at the vm boundary only the source line
// is left): a Proxy's trap results, instanceof, a Promise combinator's
// receiver.
func needsWords(src string) bool {
	return strings.Contains(src, "Proxy") || strings.Contains(src, "instanceof") || strings.Contains(src, "Promise")
}

// mayCatch reports whether code of src can catch an error: a catch
// clause or a promise's catch/then.
func mayCatch(src string) bool {
	return strings.Contains(src, "catch") || strings.Contains(src, "then")
}

// RunProgram runs a compiled program in c, tracking c as the executing
// realm.
func (c *Context) RunProgram(p *sobek.Program) (sobek.Value, error) {
	c.hookIntrinsics()
	c.guardIteration()
	return c.runProgram(p, true) // its source is not known here
}

// runProgram is RunProgram; regex says the program may make a RegExp
// (regexguard.go).
func (c *Context) runProgram(p *sobek.Program, regex bool) (sobek.Value, error) {
	if ex := c.overBudget(); ex != nil {
		return nil, ex
	}
	if c.capped&capStrings == 0 {
		c.capsFirstRun()
	}
	if c.capped&capRegExp == 0 {
		c.guardRegExps(regex)
	}
	c.iso.pushRun(c)
	var err error
	defer func() { c.iso.popAfter(err) }()
	if c.traps != nil {
		c.traps.declWindow = true // until the program's own code runs (global_v20.go)
	}
	v, err := c.rt.RunProgram(p)
	if c.traps != nil {
		c.traps.declWindow = false
	}
	if err == nil {
		err = c.evaluationEnds() // an afterEvaluate context's queue (microtask.go)
	}
	if err != nil {
		return nil, c.asException(err)
	}
	return v, nil
}

// RunIn runs s in c on behalf of code running in caller: the result is
// carried into caller, and a JS exception is re-thrown into caller (as a
// panic that sobek turns into a throw, for use inside native functions).
func (c *Context) RunIn(s *Script, caller *Context) sobek.Value {
	v, err := c.Run(s)
	if err != nil {
		Rethrow(err, c, caller)
	}
	return Carry(v, c, caller)
}

// Rethrow panics with err carried from realm from into realm to: a JS
// exception becomes a throw in `to`; uncatchable errors pass unchanged.
func Rethrow(err error, from, to *Context) {
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		panic(Carry(ex.Value(), from, to))
	}
	panic(err)
}

// EnsureAwaitHook gives c the binding of guarded awaits (engine.GuardAwaits)
// before code of c that awaits runs: a script, a compiled function or a
// module whose source has an await.
func (c *Context) EnsureAwaitHook() error {
	if c.awaitHook {
		return nil
	}
	if err := engine.EnsureAwaitHook(c.rt); err != nil {
		return err
	}
	c.awaitHook = true
	return nil
}

// regexpLiteralWords gives a SyntaxError reported at a regular expression
// literal of src V8's words, as the RegExp constructor's
// (engine.RegExpWords): sobek's parser says "Unterminated group", V8
// "Invalid regular expression: /(/: Unterminated group".
func regexpLiteralWords(src string, se *SyntaxError) *SyntaxError {
	if se.Line < 1 || se.Column < 1 {
		return se
	}
	off := 0
	for l := 1; l < se.Line; l++ {
		k := strings.IndexByte(src[off:], '\n')
		if k < 0 {
			return se
		}
		off += k + 1
	}
	off += se.Column - 1
	pattern, flags, terminated, ok := engine.RegExpLiteralAt(src, off)
	switch {
	case !ok:
	case !terminated:
		se.Message = "Invalid regular expression: missing /"
	default:
		if w, ok := engine.RegExpWords(pattern, flags, se.Message); ok {
			se.Message = w
		}
	}
	return se
}
