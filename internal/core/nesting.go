package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// sobek's parser and compiler recurse on the Go stack once per level of
// bracket nesting, and Go's stack exhaustion is fatal to the process:
// `new vm.Script('('.repeat(1e6))` would kill the host where V8 throws
// RangeError "Maximum call stack size exceeded". Every source jsvm hands to
// sobek's parser is scanned first; one pass over the bytes costs about a
// thousandth of parsing them. eval and new Function inside a realm call
// the parser directly; they are checked by the realm's parser hook
// (checkParse).

// MaxNesting is the deepest bracket nesting a source may have. V8 gives up
// between 1,000 and 5,000 levels; sobek's parser needs under 3.2 KiB of
// Go stack a level (measured), so this stays near 32 MiB.
const MaxNesting = 10000

// NestingError is a source nested deeper than MaxNesting: V8's RangeError.
type NestingError struct{}

func (*NestingError) Error() string { return StackOverflowMessage }

// CheckNesting returns a *NestingError when src nests brackets ( [ { deeper
// than MaxNesting. Quoted strings and comments are skipped; template and
// regex literal text is counted, so an unbalanced run of 10,000 brackets
// there is refused too.
func CheckNesting(src string) error {
	if engine.NestingExceeds(src, MaxNesting) {
		return &NestingError{}
	}
	return nil
}

// checkParse is the parser hook of every realm's runtime (engine.SourceHook):
// eval, indirect eval and the Function constructors inside a realm parse
// without passing through CheckNesting. A source nested too deep throws
// V8's RangeError of the realm, which the realm's code can catch (the parse
// runs inside the VM, before anything of the source ran).
func (c *Context) checkParse(src string) {
	// eval and Function bodies can catch errors; their SyntaxErrors are
	// worded from their source (errwords.go)
	c.hookIntrinsics()
	c.lastParsed = src
	if engine.NestingExceeds(src, MaxNesting) {
		panic(c.overflowError(&sobek.StackOverflowError{}, c))
	}
	if c.capped&capRegExp == 0 && mayUseRegExp(src) {
		c.guardRegExps(true)
	}
}
