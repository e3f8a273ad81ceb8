package engine

import (
	"reflect"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/unistring"
)

// sobek reads the wrong stack slot for `this` in a class field
// initializer whose `this` lives in a stash, which is the case as soon as
// an arrow function in the initializer uses it: the initializer's
// enterFunc takes its frame base as sp - vm.args - 1, and _initFields
// leaves vm.args as it was (the constructor's argument count, or for an
// implicit constructor whatever call ran last; every CommonJS module is a
// call with five). `class H { x = () => this.y }` then gives `this` a
// neighbouring value ("Value is not an object: 3") or crashes the VM.
//
// FixFieldArrowThis rewrites such an initializer E into
// `((%jsvm this) => E')(this)`, E' being E with each `this` (outside
// nested non-arrow functions and classes) read from the parameter: the
// initializer itself then reads `this` from its frame, which sobek does
// right, and the arrows close over the parameter. An anonymous function
// E keeps its name (NamedEvaluation) as `{ "key": E' }["key"]`. Positions
// are kept, so messages, stacks and toString are unchanged. Initializers
// whose arrows use `super` (which needs the initializer's own this) are
// left alone.

// classHeads returns the offsets in src where a class may begin: the
// word class, an optional name, then `extends` or the body's brace (text
// in strings mostly does not look like that: typescript.js's diagnostics
// do not). A plain scan: a regexp over a large file costs more than the
// walk it saves.
func classHeads(src string) []int {
	var out []int
	isWord := func(c byte) bool {
		return c == '_' || c == '$' || c == '\\' || c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	space := func(i int) int {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
			i++
		}
		return i
	}
	for i := 0; ; {
		j := strings.Index(src[i:], "class")
		if j < 0 {
			return out
		}
		at := i + j
		i = at + len("class")
		if at > 0 && isWord(src[at-1]) || i < len(src) && isWord(src[i]) {
			continue
		}
		k := space(i)
		if k < len(src) && isWord(src[k]) && !strings.HasPrefix(src[k:], "extends") {
			for k < len(src) && isWord(src[k]) {
				k++
			}
			k = space(k)
		}
		if k < len(src) && (src[k] == '{' || strings.HasPrefix(src[k:], "extends")) {
			out = append(out, at)
		}
	}
}

// fieldThisName is the parameter's name, which no source can spell.
var fieldThisName = unistring.NewFromString("%jsvm this")

// MayHaveFieldArrowThis reports whether src may hold a class field whose
// initializer has an arrow using this (false positives only cost a walk).
func MayHaveFieldArrowThis(src string) bool {
	return strings.Contains(src, "class") && strings.Contains(src, "=>") && strings.Contains(src, "this")
}

// FixFieldArrowThis rewrites prog's class field initializers (see above)
// and reports whether it changed one.
func FixFieldArrowThis(prog *ast.Program) bool {
	if prog == nil {
		return false
	}
	w := fieldWalker{}
	if f := prog.File; f != nil {
		// as GuardParsedAwaits: a block, object or array literal whose
		// brackets are where its positions say and whose text has no
		// word "class" holds no class and is not walked (a large file of
		// few classes costs a walk of the paths to them)
		w.src, w.base = f.Source(), f.Base()
		w.marks = classHeads(w.src)
		if len(w.marks) == 0 {
			return false
		}
		w.prune = true
	}
	for i := range prog.Body {
		w.find(reflect.ValueOf(&prog.Body[i]).Elem(), classLitType, func(v reflect.Value) {
			w.fixClass(v.Interface().(*ast.ClassLiteral))
		})
	}
	return w.changed
}

type fieldWalker struct {
	changed   bool
	astPruner // marks are the offsets of class heads (classHeads)
}

var (
	classLitType = reflect.TypeFor[*ast.ClassLiteral]()
)

func (w *fieldWalker) fixClass(c *ast.ClassLiteral) {
	for _, el := range c.Body {
		f, ok := el.(*ast.FieldDefinition)
		if !ok || f.Initializer == nil {
			continue
		}
		var s thisScan
		s.scan(reflect.ValueOf(&f.Initializer).Elem(), false)
		if !s.inArrow || s.super {
			continue
		}
		init := f.Initializer
		name, named := fieldKeyName(f)
		for _, p := range s.sites {
			p.Set(reflect.ValueOf(&ast.Identifier{Name: fieldThisName, Idx: p.Interface().(*ast.ThisExpression).Idx}))
		}
		inner := init
		if named && isAnonymousFunction(init) {
			key := &ast.StringLiteral{Idx: init.Idx0(), Value: unistring.NewFromString(name), Literal: ""}
			inner = &ast.BracketExpression{
				Left: &ast.ObjectLiteral{LeftBrace: init.Idx0(), RightBrace: init.Idx1(), Value: []ast.Property{
					&ast.PropertyKeyed{Key: key, Kind: ast.PropertyKindValue, Value: init},
				}},
				Member:       &ast.StringLiteral{Idx: init.Idx0(), Value: key.Value},
				LeftBracket:  init.Idx0(),
				RightBracket: init.Idx1(),
			}
		}
		f.Initializer = &ast.CallExpression{
			Callee: &ast.ArrowFunctionLiteral{
				Start: init.Idx0(),
				ParameterList: &ast.ParameterList{Opening: init.Idx0(), Closing: init.Idx0(),
					List: []*ast.Binding{{Target: &ast.Identifier{Name: fieldThisName, Idx: init.Idx0()}}}},
				Body: &ast.ExpressionBody{Expression: inner},
			},
			LeftParenthesis:  init.Idx0(),
			ArgumentList:     []ast.Expression{&ast.ThisExpression{Idx: init.Idx0()}},
			RightParenthesis: init.Idx1(),
		}
		w.changed = true
	}
}

// fieldKeyName is the name NamedEvaluation gives a field's anonymous
// function; false for computed keys (left unnamed: their value is known
// only at run time).
func fieldKeyName(f *ast.FieldDefinition) (string, bool) {
	if f.Computed {
		return "", false
	}
	switch k := f.Key.(type) {
	case *ast.Identifier:
		return k.Name.String(), true
	case *ast.PrivateIdentifier:
		return "#" + k.Name.String(), true
	case *ast.StringLiteral:
		return k.Value.String(), true
	}
	return "", false
}

func isAnonymousFunction(e ast.Expression) bool {
	switch x := e.(type) {
	case *ast.ArrowFunctionLiteral:
		return true
	case *ast.FunctionLiteral:
		return x.Name == nil
	case *ast.ClassLiteral:
		return x.Name == nil
	}
	return false
}

// thisScan finds the `this` expressions of an initializer that share its
// this binding (not inside non-arrow functions or class bodies), whether
// one is inside an arrow, and whether such an arrow uses super.
type thisScan struct {
	sites   []reflect.Value // settable values holding *ast.ThisExpression
	inArrow bool
	super   bool
}

var (
	thisType     = reflect.TypeFor[*ast.ThisExpression]()
	superType    = reflect.TypeFor[*ast.SuperExpression]()
	arrowType    = reflect.TypeFor[*ast.ArrowFunctionLiteral]()
	funcLitType  = reflect.TypeFor[*ast.FunctionLiteral]()
	classBodyFun = reflect.TypeFor[*ast.MethodDefinition]()
)

func (s *thisScan) scan(v reflect.Value, arrow bool) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := v.Elem()
		if e.Type() == thisType {
			if v.CanSet() {
				s.sites = append(s.sites, v)
			}
			s.inArrow = s.inArrow || arrow
			return
		}
		s.scan(e, arrow)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		switch v.Type() {
		case thisType:
			s.inArrow = s.inArrow || arrow // a field typed *ThisExpression: not replaceable
			s.super = true                 // so leave the initializer alone
			return
		case superType:
			if arrow {
				s.super = true
			}
			return
		case funcLitType, classBodyFun:
			return // their own this
		case classLitType:
			// a nested class: its heritage is evaluated here; its body
			// has its own this
			s.scan(reflect.ValueOf(&v.Interface().(*ast.ClassLiteral).SuperClass).Elem(), arrow)
			return
		case arrowType:
			arrow = true
		}
		if v.Elem().Kind() == reflect.Struct {
			s.scanStruct(v.Elem(), arrow)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			s.scan(v.Index(i), arrow)
		}
	case reflect.Struct:
		s.scanStruct(v, arrow)
	}
}

func (s *thisScan) scanStruct(v reflect.Value, arrow bool) {
	if v.Type().PkgPath() != astPkg {
		return
	}
	for _, i := range nodeFields(v.Type()) {
		s.scan(v.Field(i), arrow)
	}
}
