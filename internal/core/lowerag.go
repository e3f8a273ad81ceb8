package core

import (
	"reflect"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/unistring"
)

// A lowered async generator function is a plain function returning
// __asyncGenerator(...): its prototype is Function.prototype, where V8's
// is %AsyncGeneratorFunction.prototype% (whose .prototype is
// %AsyncGeneratorPrototype%; web-streams-polyfill walks that chain when
// it loads). The lowered code gets one more helper, asyncGenHelper, and
// each such function is handed to it: declarations by a call at the
// start of their scope, expressions by wrapping. It gives the function
// those prototypes (and the generator objects inherit
// %AsyncGeneratorPrototype%, tagged "AsyncGenerator"). Methods keep
// Function.prototype.

const asyncGenHelperName = "__jsvmAsyncGen"

// asyncGenHelper is written on the line of esbuild's __asyncGenerator
// helper (a line that maps to nothing of the original: the source map
// keeps its meaning). Its proto is %AsyncGeneratorPrototype%. It runs
// before the program's own bindings are initialised, so it reaches the
// intrinsics through globalThis: a program's `const { Symbol } = ...`
// (readable-stream's primordials) would be in its TDZ.
const asyncGenHelper = `var ` + asyncGenHelperName + ` = (() => { ` +
	`var G = globalThis, Object = G.Object, Symbol = G.Symbol, Function = G.Function, TypeError = G.TypeError; ` +
	`var def = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, configurable: true }); ` +
	`var AIP = {}; def(AIP, Symbol.asyncIterator, function () { return this; }); ` +
	`var AGP = Object.create(AIP); def(AGP, Symbol.toStringTag, "AsyncGenerator"); ` +
	`var AGFP = Object.create(Function.prototype); def(AGFP, "prototype", AGP); def(AGP, "constructor", AGFP); ` +
	`def(AGFP, Symbol.toStringTag, "AsyncGeneratorFunction"); ` +
	`var AGF = function AsyncGeneratorFunction() { throw new TypeError("AsyncGeneratorFunction is not supported"); }; ` +
	`Object.setPrototypeOf(AGF, Function); Object.defineProperty(AGF, "prototype", { value: AGFP, writable: false }); def(AGFP, "constructor", AGF); ` +
	`var mark = (f) => { Object.setPrototypeOf(f, AGFP); Object.defineProperty(f, "prototype", { value: Object.create(AGP), writable: true }); return f; }; ` +
	`mark.proto = AGP; return mark; })(); `

// addAsyncGenHelper puts asyncGenHelper before esbuild's __asyncGenerator
// on its line and makes the generator objects inherit its proto.
func addAsyncGenHelper(code string) string {
	i := strings.Index(code, "var __asyncGenerator = ")
	if i < 0 || strings.Contains(code, asyncGenHelperName) {
		return code
	}
	code = code[:i] + asyncGenHelper + code[i:]
	j := strings.Index(code[i:], asyncGenObject)
	if j < 0 {
		return code
	}
	j += i
	return code[:j] + ", q, it = Object.create(" + asyncGenHelperName + ".proto);" + code[j+len(asyncGenObject):]
}

// markAsyncGenerators hands the lowered async generator functions of body
// to asyncGenHelper (see above).
func markAsyncGenerators(body *ast.Program) {
	if !hasHelper(body) {
		return
	}
	m := &agMarker{seen: map[uintptr]bool{}}
	body.Body = m.list(body.Body, true)
	m.walk(reflect.ValueOf(body.Body)) // (not body: its list has its calls)
}

// hasHelper reports whether the lowered program declares asyncGenHelper.
func hasHelper(body *ast.Program) bool {
	for _, st := range body.Body {
		if es, ok := st.(*ast.ExpressionStatement); ok {
			if _, isStr := es.Expression.(*ast.StringLiteral); isStr {
				continue // a directive ("use strict") before the helpers
			}
		}
		vs, ok := st.(*ast.VariableStatement)
		if !ok {
			return false
		}
		for _, b := range vs.List {
			if id, ok := b.Target.(*ast.Identifier); ok && id.Name.String() == asyncGenHelperName {
				return true
			}
		}
	}
	return false
}

type agMarker struct{ seen map[uintptr]bool }

// isLoweredAsyncGen: a function whose body is `return __asyncGenerator(...)`.
func isLoweredAsyncGen(f *ast.FunctionLiteral) bool {
	if f == nil || f.Body == nil || len(f.Body.List) != 1 || f.Generator || f.Async {
		return false
	}
	r, ok := f.Body.List[0].(*ast.ReturnStatement)
	if !ok {
		return false
	}
	call, ok := r.Argument.(*ast.CallExpression)
	if !ok {
		return false
	}
	id, ok := call.Callee.(*ast.Identifier)
	return ok && strings.TrimRight(id.Name.String(), "0123456789") == "__asyncGenerator"
}

func helperCall(arg ast.Expression, at ast.Expression) *ast.CallExpression {
	idx := at.Idx0()
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: unistring.NewFromString(asyncGenHelperName), Idx: idx},
		LeftParenthesis:  idx,
		ArgumentList:     []ast.Expression{arg},
		RightParenthesis: idx,
	}
}

// list returns a statement list with a helper call for each lowered
// async generator declared in it, after its directives (and, at the top
// of the program, after the helpers).
func (m *agMarker) list(sts []ast.Statement, top bool) []ast.Statement {
	var calls []ast.Statement
	for _, st := range sts {
		var fd *ast.FunctionDeclaration
		switch s := st.(type) {
		case *ast.FunctionDeclaration:
			fd = s
		case *ast.ExportDeclaration:
			if s.HoistableDeclaration != nil {
				fd = s.HoistableDeclaration.FunctionDeclaration
			}
		}
		if fd != nil && fd.Function != nil && fd.Function.Name != nil && isLoweredAsyncGen(fd.Function) {
			name := &ast.Identifier{Name: fd.Function.Name.Name, Idx: fd.Function.Name.Idx}
			calls = append(calls, &ast.ExpressionStatement{Expression: helperCall(name, name)})
		}
	}
	if len(calls) == 0 {
		return sts
	}
	at := 0
	for at < len(sts) {
		if es, ok := sts[at].(*ast.ExpressionStatement); ok {
			if _, isStr := es.Expression.(*ast.StringLiteral); isStr {
				at++
				continue
			}
		}
		if vs, ok := sts[at].(*ast.VariableStatement); ok && top && isHelperStatement(vs) {
			at++
			continue
		}
		break
	}
	out := make([]ast.Statement, 0, len(sts)+len(calls))
	out = append(out, sts[:at]...)
	out = append(out, calls...)
	return append(out, sts[at:]...)
}

func isHelperStatement(vs *ast.VariableStatement) bool {
	for _, b := range vs.List {
		id, ok := b.Target.(*ast.Identifier)
		if !ok || (!isHelperName(id.Name.String()) && id.Name.String() != asyncGenHelperName) {
			return false
		}
	}
	return true
}

var (
	exprType     = reflect.TypeOf((*ast.Expression)(nil)).Elem()
	stmtListType = reflect.TypeOf([]ast.Statement(nil))
	propKeyed    = reflect.TypeOf(ast.PropertyKeyed{})
)

// walk wraps lowered async generator function expressions and adds the
// calls for declarations in nested statement lists.
func (m *agMarker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || m.seen[v.Pointer()] {
			return
		}
		m.seen[v.Pointer()] = true
		m.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			m.walk(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if v.Type() == propKeyed && v.Type().Field(i).Name == "Value" {
				if k := v.FieldByName("Kind"); k.String() != string(ast.PropertyKindValue) {
					// a method: its function stays one (super, home object)
					m.walk(f)
					continue
				}
			}
			switch {
			case f.Type() == exprType && f.CanSet():
				if fl, ok := f.Interface().(*ast.FunctionLiteral); ok && isLoweredAsyncGen(fl) {
					m.walk(f)
					f.Set(reflect.ValueOf(ast.Expression(helperCall(fl, fl))))
					continue
				}
			case f.Type() == stmtListType && f.CanSet():
				f.Set(reflect.ValueOf(m.list(f.Interface().([]ast.Statement), false)))
			}
			if f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface || f.Kind() == reflect.Slice || f.Kind() == reflect.Struct {
				m.walk(f)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			e := v.Index(i)
			if e.Type() == exprType && e.CanSet() {
				if fl, ok := e.Interface().(*ast.FunctionLiteral); ok && isLoweredAsyncGen(fl) {
					m.walk(e)
					e.Set(reflect.ValueOf(ast.Expression(helperCall(fl, fl))))
					continue
				}
			}
			m.walk(e)
		}
	}
}
