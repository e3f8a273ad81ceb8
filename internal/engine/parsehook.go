package engine

import (
	"reflect"
	"unsafe"

	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/parser"
	"github.com/grafana/sobek/token"
	"github.com/grafana/sobek/unistring"
)

// Code inside a realm reaches sobek's parser without passing through jsvm:
// eval (direct and indirect), the Function, AsyncFunction and
// GeneratorFunction constructors all compile with the runtime's parser
// options (Runtime.SetParserOptions) and nothing else. sobek has no hook on
// them, and direct eval cannot be replaced by a wrapper (sobek recognises
// it by identity with its own eval). A parser option is the one piece of
// jsvm code that runs on every such parse: it is a func(*options) that the
// parser applies to the options field of its state, whose first field is
// the source. SourceHook reads the source from there, through a mirror of
// the parser's (unexported) layout up to that field, checked by a probe
// parse at start-up (TestSourceHookLayout fails loudly if sobek's layout
// changes; the hook then calls nothing, SourceHookWorks reports false).

// parserHead mirrors sobek's parser state (_parser) up to its options.
type parserHead struct {
	str               string
	length            int
	base              int
	chr               rune
	chrOffset         int
	offset            int
	idx               file.Idx
	token             token.Token
	literal           string
	parsedLiteral     unistring.String
	scope             unsafe.Pointer
	insertSemicolon   bool
	implicitSemicolon bool
	errors            parser.ErrorList
	recover           struct {
		idx   file.Idx
		count int
	}
	mode parser.Mode
	opts struct {
		module            bool
		disableSourceMaps bool
		sourceMapLoader   func(string) ([]byte, error)
	}
}

var optionType = reflect.TypeFor[parser.Option]()

// asOption makes fn a parser option. parser.Option is a func of one
// pointer (to the parser's unexported options) returning nothing, so a
// func of one unsafe.Pointer has its layout and calling convention
// (checked by optionShapeOK and the probe below); the conversion spares
// reflect.MakeFunc's reflect call on every parse and its memory in every
// realm.
func asOption(fn func(opts unsafe.Pointer)) parser.Option {
	return *(*parser.Option)(unsafe.Pointer(&fn))
}

// optionShapeOK: parser.Option is still a func(*T) with no results.
var optionShapeOK = optionType.Kind() == reflect.Func && optionType.NumIn() == 1 &&
	optionType.In(0).Kind() == reflect.Pointer && optionType.NumOut() == 0 && !optionType.IsVariadic()

// headAt returns the parser state whose options opts points to.
func headAt(opts unsafe.Pointer) *parserHead {
	return (*parserHead)(unsafe.Add(opts, -int(unsafe.Offsetof(parserHead{}.opts))))
}

// hookWorks is the result of the start-up probe: a parse of a known
// source through a raw hook finds that source, its length and base 1
// where the mirror says.
var hookWorks = func() (ok bool) {
	const probe = "probe + 1"
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if !optionShapeOK {
		return false
	}
	seen := false
	opt := asOption(func(opts unsafe.Pointer) {
		h := headAt(opts)
		seen = h.length == len(probe) && h.base == 1 && h.str == probe && h.mode == 0
	})
	_, _ = parser.ParseFile(nil, "", probe, 0, opt)
	return seen
}()

// SourceHookWorks reports whether SourceHook's layout check passed.
func SourceHookWorks() bool { return hookWorks }

// SourceHook returns a parser option that calls check with the source of
// every parse it is given to, before parsing starts; check may panic (with
// a JS value, to throw it: eval and the Function constructor parse inside
// the running VM). When the layout check failed, check is never called.
func SourceHook(check func(src string)) parser.Option {
	return asOption(func(opts unsafe.Pointer) {
		if hookWorks {
			h := headAt(opts)
			fixed := FixCodePointEscapes(h.str)
			if !h.opts.module {
				fixed = BlankHTMLComments(fixed) // htmlcomments.go
			}
			if regexpRewriteHint(fixed) {
				// eval and Function code: its regexp literals get what a
				// script's get (regexplit.go)
				fixed = rewriteIn(fixed, h.opts.module, 0, len(fixed))
			}
			if fixed != h.str {
				// Nothing has been read yet: the parse starts on the fixed
				// text (positions are counted in it; the file keeps the original).
				h.str, h.length = fixed, len(fixed)
			}
			check(h.str)
		}
	})
}
