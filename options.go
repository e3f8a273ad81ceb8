package jsvm

import (
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// IsolateOptions configures an isolate. The zero value is Node's default.
type IsolateOptions struct {
	// DefaultTimeout applies to every run that sets no Timeout of its own,
	// and bounds the JavaScript a Value method runs (getters, Proxy traps,
	// toString). Zero means no limit.
	DefaultTimeout time.Duration
	// FieldNames says how Go struct fields and methods are named in
	// JavaScript. The zero value keeps the Go names.
	FieldNames FieldNames
	// LooseArguments converts the arguments of Go functions called from
	// JavaScript as JavaScript coerces values ('2' becomes 2, a missing
	// argument the zero value), instead of throwing a TypeError that names
	// the argument.
	LooseArguments bool
	// MemoryLimit bounds the Go heap, in bytes, while the isolate runs
	// JavaScript: past it (confirmed by a collection) the run stops with
	// an *InterruptedError whose Code is ERR_JSVM_MEMORY_LIMIT, and the
	// isolate stays usable. Zero is a quarter of the memory the process
	// may use, at most 4 GiB; negative is no limit. The heap is the
	// process's: every isolate running when it passes their limit stops.
	// One builtin call that allocates past the memory left in one step
	// (e.g. `new Array(2**32-1).fill(0)`) is not bounded (Node aborts there).
	MemoryLimit int64
	// FinalizationError gets the exception a FinalizationRegistry cleanup
	// callback threw (as an *Error); nil drops it. Cleanup callbacks run
	// when a run from Go ends, and in RunFinalizers.
	FinalizationError func(error)
}

// FieldNames is a naming rule for Go struct fields and methods seen from
// JavaScript.
type FieldNames int

const (
	// GoNames keeps the Go names: user.Name.
	GoNames FieldNames = iota
	// LowerCamelNames lowers the first letter of fields and methods:
	// user.name, user.fullName(). A leading acronym is lowered whole
	// (ID becomes id, URLPath urlPath).
	LowerCamelNames
	// JSONNames names fields by their json tag (a field tagged "-" is
	// hidden; an untagged field keeps its Go name) and lowers methods as
	// LowerCamelNames does.
	JSONNames
)

func (f FieldNames) fieldName(sf reflect.StructField) string {
	switch f {
	case LowerCamelNames:
		return lowerCamel(sf.Name)
	case JSONNames:
		tag, ok := sf.Tag.Lookup("json")
		if !ok {
			return sf.Name
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" && tag == "-" {
			return ""
		}
		if name == "" {
			return sf.Name
		}
		return name
	}
	return sf.Name
}

func (f FieldNames) methodName(m reflect.Method) string {
	if f == GoNames {
		return m.Name
	}
	return lowerCamel(m.Name)
}

func lowerCamel(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	// lower the run of capitals, keeping the last one of a run followed by
	// a lower-case letter (URLPath -> urlPath)
	rs := []rune(s)
	i := 0
	for i < len(rs) && unicode.IsUpper(rs[i]) {
		i++
	}
	if i > 1 && i < len(rs) {
		i--
	}
	_ = n
	for j := range i {
		rs[j] = unicode.ToLower(rs[j])
	}
	return string(rs)
}

// ContextOptions are the options of vm.createContext. The zero value is
// Node's default.
type ContextOptions struct {
	// Name is shown by inspectors; default "VM Context N".
	Name string
	// Origin is the context's origin, e.g. "https://example.com".
	Origin string
	// DisallowStrings makes every way of compiling a string in the context
	// (eval, direct or indirect; Function, with or without new; the
	// GeneratorFunction and AsyncFunction constructors) throw the context's
	// EvalError "Code generation from strings disallowed for this context"
	// (Node's codeGeneration: {strings: false}). Function.prototype.constructor
	// and instanceof Function keep working as in Node.
	DisallowStrings bool
	// DisallowWasm is codeGeneration: {wasm: false}: compiling WebAssembly
	// in the context throws V8's CompileError "Wasm code generation
	// disallowed by embedder" (WebAssembly.validate still answers).
	DisallowWasm bool
	// MicrotaskMode is "" (the isolate's queue) or "afterEvaluate".
	MicrotaskMode string
	// Console, if set, gives the context a global console whose methods
	// format as Node's do and write to it. nil leaves the context without
	// a console, as vm.createContext does.
	Console *Console
}

// ScriptOptions are the compile options of vm.Script. The zero value is
// Node's default.
type ScriptOptions struct {
	// Filename is used in stack traces; default "evalmachine.<anonymous>".
	Filename string
	// LineOffset and ColumnOffset shift the positions reported for the
	// script (ColumnOffset applies to its first line).
	LineOffset   int
	ColumnOffset int
}

// RunOptions are the options of script.runInContext, and of Context.Run,
// which compiles too. The zero value is Node's default.
type RunOptions struct {
	// Timeout stops the run after this long with an error whose Code is
	// ERR_SCRIPT_EXECUTION_TIMEOUT. Zero means the isolate's default.
	Timeout time.Duration
	// BreakOnSigint stops the run when the process receives SIGINT, with
	// an *InterruptedError whose Code is ERR_SCRIPT_EXECUTION_INTERRUPTED
	// (Node's breakOnSigint). During the run the signal is caught through
	// os/signal, so it does not end the process; other os/signal.Notify
	// channels for SIGINT still receive it.
	BreakOnSigint bool
	// Filename, LineOffset and ColumnOffset are Context.Run's compile
	// options (see ScriptOptions); a compiled Script keeps its own.
	Filename     string
	LineOffset   int
	ColumnOffset int
}
