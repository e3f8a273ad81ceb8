package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// sobek's parser and compiler recurse on the Go stack once per level of
// nesting, and Go's stack exhaustion is fatal to the process:
// `new vm.Script('('.repeat(1e6))` or `eval('a:'.repeat(1e5) + '1')` would
// kill the host where V8 throws RangeError "Maximum call stack size
// exceeded". Every source jsvm hands to sobek's parser is scanned first
// (engine.ScanNesting: an estimate of V8's parser stack, so jsvm refuses
// what V8 refuses, at about the same depth). eval and new Function inside a
// realm call the parser directly; they are checked by the realm's parser
// hook (checkParse).

// MaxNesting is the deepest the scan lets any one construct nest (12,500
// unary operators; 1,642 parentheses, 1,076 arrow functions).
const MaxNesting = engine.V8StackBudget / 80

// NestingError is a source nested deeper than V8's parser takes: V8's
// RangeError.
type NestingError struct{}

func (*NestingError) Error() string { return StackOverflowMessage }

// CheckNesting returns a *NestingError when src nests deeper than V8's
// parser takes, and a parser.ErrorList (as the parser's own) for a label
// repeated in a long chain of labels (V8's early SyntaxError, which sobek
// would find only after comparing every pair). Quoted strings, comments,
// regex literals and template text do not count.
func CheckNesting(src string) error {
	switch r := engine.ScanNesting(src, engine.V8StackBudget); r.Problem {
	case engine.NestingTooDeep:
		return &NestingError{}
	case engine.NestingDupLabel:
		line, col := lineCol(src, r.Offset)
		return parser.ErrorList{&parser.Error{Position: file.Position{Line: line, Column: col}, Message: labelExists(r.Label)}}
	case engine.NestingCaptures:
		line, col := lineCol(src, r.Offset)
		return parser.ErrorList{&parser.Error{Position: file.Position{Line: line, Column: col}, Message: r.Label}}
	}
	return nil
}

// labelExists is sobek's message for a repeated label.
func labelExists(name string) string { return "Label '" + name + "' already exists" }

// checkSource is CheckNesting for the compile paths that report
// *SyntaxError.
func checkSource(filename, src string) error {
	err := CheckNesting(src)
	if list, ok := err.(parser.ErrorList); ok {
		e := list[0]
		return &SyntaxError{Message: e.Message, Filename: filename, Line: e.Position.Line, Column: e.Position.Column}
	}
	return err
}

// lineCol returns the 1-based line and column of byte offset off.
func lineCol(src string, off int) (int, int) {
	if off > len(src) {
		off = len(src)
	}
	head := src[:off]
	line := strings.Count(head, "\n") + 1
	return line, off - strings.LastIndexByte(head, '\n')
}

// checkParse is the parser hook of every realm's runtime (engine.SourceHook):
// eval, indirect eval and the Function constructors inside a realm parse
// without passing through CheckNesting. A source nested too deep throws
// V8's RangeError of the realm, which the realm's code can catch (the parse
// runs inside the VM, before anything of the source ran); a repeated label
// throws V8's SyntaxError.
func (c *Context) checkParse(src string) {
	// eval and Function bodies can catch errors; their SyntaxErrors are
	// worded from their source (errwords.go)
	c.hookIntrinsics()
	c.lastParsed = src
	stack.Register(evalFile, src, 0, 0) // for its frames' columns (errorstacks.go)
	switch r := engine.ScanNesting(src, engine.V8StackBudget); r.Problem {
	case engine.NestingTooDeep:
		panic(c.overflowError(&sobek.StackOverflowError{}, c))
	case engine.NestingDupLabel:
		if ctor, ok := sobek.AssertConstructor(c.builtins.Get("SyntaxError")); ok {
			if e, err := ctor(nil, c.rt.ToValue("Label '"+r.Label+"' has already been declared")); err == nil {
				panic(e)
			}
		}
		panic(c.rt.NewTypeError("Label '" + r.Label + "' has already been declared"))
	case engine.NestingCaptures:
		panic(engine.NewSyntaxError(c.rt, r.Label))
	}
	if c.capped&capRegExp == 0 && mayUseRegExp(src) {
		c.guardRegExps(true)
	}
	if c.capped&capIteration == 0 && mayIterate(src) {
		c.guardIteration()
	}
}
