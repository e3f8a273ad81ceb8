package engine

import (
	"reflect"
	"sort"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/jsvm-dev/jsvm/internal/jslex"
)

// An arrow function's toString is its source text, which sobek's parser
// cuts at its concise body's Idx1. Two nodes end early there: a
// parenthesised expression has no node of its own, so `() => (x)` loses
// its closing parenthesis; a private name's Idx1 leaves out the last
// character (its Idx is the '#', its Name the rest), so `() => this.#x`
// reads "() => this.#". FixArrowSources extends such a Source to the end
// of the body's last token: the private name's last character, then every
// ')' that closes a parenthesis the arrow's text opened.
// TestArrowSourceSobek is the pure-sobek reproducer (it fails when sobek
// gets it right, and this can go).

// conciseArrows returns the offsets in src of the "=>" of arrows whose
// body is an expression (by text: one inside a string or comment is a
// mark too, which only makes the walk look closer), or nil.
func conciseArrows(src string) []int {
	var marks []int
	for i := 0; ; {
		k := strings.Index(src[i:], "=>")
		if k < 0 {
			return marks
		}
		i += k + 2
		if j := skipSpaceAndComments(src, i); j < len(src) && src[j] != '{' {
			marks = append(marks, i-2)
		}
	}
}

// maxArrowText bounds the text of an arrow FixArrowSources tokenizes
// (nested concise arrows each count their parentheses): a longer one
// keeps sobek's source.
const maxArrowText = 1 << 16

// FixArrowSources mends the Source of prog's concise arrows (see above)
// and reports whether it changed one.
func FixArrowSources(prog *ast.Program) bool {
	if prog == nil || prog.File == nil {
		return false
	}
	w := arrowWalker{}
	w.src, w.base = prog.File.Source(), prog.File.Base()
	w.marks = conciseArrows(w.src)
	if len(w.marks) == 0 {
		return false
	}
	sort.Ints(w.marks)
	w.prune = true
	for i := range prog.Body {
		w.find(reflect.ValueOf(&prog.Body[i]).Elem(), arrowType, func(v reflect.Value) {
			w.fix(v.Interface().(*ast.ArrowFunctionLiteral))
		})
	}
	return w.changed
}

type arrowWalker struct {
	changed bool
	astPruner
}

func (w *arrowWalker) fix(a *ast.ArrowFunctionLiteral) {
	body, ok := a.Body.(*ast.ExpressionBody)
	if !ok || body.Expression == nil {
		return
	}
	end := int(body.Idx1()) - w.base
	if end < len(a.Source) || end > len(w.src) || w.src[end-len(a.Source):end] != a.Source {
		return // not the text the parser cut: leave it
	}
	start := end - len(a.Source) // an async arrow's Start is its parameters
	if endsPrivate(body.Expression) && end < len(w.src) {
		end++
	}
	if k := skipSpaceAndComments(w.src, end); k >= len(w.src) || w.src[k] != ')' || end-start > maxArrowText {
		// no parenthesis of the arrow's own can be left out
		if s := w.src[start:end]; s != a.Source {
			a.Source = s
			w.changed = true
		}
		return
	}
	toks := jslex.Tokens(w.src[start:end])
	open := 0
	for _, t := range toks {
		if t.Kind == jslex.Punct {
			switch t.Text(w.src[start:end]) {
			case "(":
				open++
			case ")":
				open--
			}
		}
	}
	for open > 0 {
		k := skipSpaceAndComments(w.src, end)
		if k >= len(w.src) || w.src[k] != ')' {
			break
		}
		end = k + 1
		open--
	}
	if s := w.src[start:end]; s != a.Source {
		a.Source = s
		w.changed = true
	}
}

// endsPrivate reports whether e's last token is a private name (the
// rightmost node of e is a PrivateDotExpression or a #x in obj).
func endsPrivate(e ast.Expression) bool {
	for {
		switch x := e.(type) {
		case *ast.PrivateDotExpression:
			return true
		case *ast.BinaryExpression:
			e = x.Right
		case *ast.AssignExpression:
			e = x.Right
		case *ast.UnaryExpression:
			if x.Postfix {
				return false
			}
			e = x.Operand
		case *ast.ConditionalExpression:
			e = x.Alternate
		case *ast.SequenceExpression:
			if len(x.Sequence) == 0 {
				return false
			}
			e = x.Sequence[len(x.Sequence)-1]
		case *ast.AwaitExpression:
			e = x.Argument
		case *ast.YieldExpression:
			if x.Argument == nil {
				return false
			}
			e = x.Argument
		case *ast.ArrowFunctionLiteral: // its Idx1 is its body's
			b, ok := x.Body.(*ast.ExpressionBody)
			if !ok {
				return false
			}
			e = b.Expression
		default:
			return false
		}
	}
}

// skipSpaceAndComments returns the index of the first character at or
// after i that is neither white space nor inside a comment.
func skipSpaceAndComments(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "//"):
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				return len(src)
			}
			i += j
		case strings.HasPrefix(src[i:], "/*"):
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return len(src)
			}
			i += j + 4
		default:
			return i
		}
	}
	return i
}
