package core

import (
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/token"
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
	`Object.defineProperty(AGF, "length", { value: 1, configurable: true }); ` +
	`var mark = (f, name) => { Object.setPrototypeOf(f, AGFP); Object.defineProperty(f, "prototype", { value: Object.create(AGP), writable: true }); ` +
	`if (name !== undefined && f.name === "") Object.defineProperty(f, "name", { value: name, configurable: true }); return f; }; ` +
	`mark.of = (getF, it) => { var p; try { p = getF().prototype; } catch (e) {} Object.setPrototypeOf(it, p !== null && (typeof p === "object" || typeof p === "function") ? p : AGP); return it; }; ` +
	`var gopd = Object.getOwnPropertyDescriptor, keys = G.Reflect.ownKeys, getProto = Object.getPrototypeOf, FP = Function.prototype, fts = FP.toString, isAG = /^async\s*\*/; ` +
	`mark.methods = (o, cls) => { for (var n = 0; n < (cls ? 2 : 1); n++) { var t = n ? o.prototype : o, ks = keys(t); ` +
	`for (var i = 0; i < ks.length; i++) { var d = gopd(t, ks[i]); ` +
	`if (d && typeof d.value === "function" && getProto(d.value) === FP && isAG.test(fts.call(d.value))) mark(d.value); } } return o; }; ` +
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
	body.Body = afterClasses(m.list(body.Body, true))
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

func helperCall(arg ast.Expression, at ast.Expression, name ...string) *ast.CallExpression {
	idx := at.Idx0()
	args := []ast.Expression{arg}
	if len(name) > 0 {
		args = append(args, &ast.StringLiteral{Idx: idx, Literal: strconv.Quote(name[0]), Value: unistring.NewFromString(name[0])})
	}
	return &ast.CallExpression{
		Callee:           &ast.Identifier{Name: unistring.NewFromString(asyncGenHelperName), Idx: idx},
		LeftParenthesis:  idx,
		ArgumentList:     args,
		RightParenthesis: idx,
	}
}

var selfNames atomic.Int64

// selfName is a binding name no code can write (it has a space), unique
// in the process (a script's top-level let persists in its realm).
func selfName() unistring.String {
	return unistring.NewFromString("self jsvm" + strconv.FormatInt(selfNames.Add(1), 10))
}

// ofSelf makes fl's generator objects inherit from self.prototype (as
// V8's inherit from the function's prototype): its `return
// __asyncGenerator(...)` becomes `return __jsvmAsyncGen.of(self, ...)`.
func ofSelf(fl *ast.FunctionLiteral, self unistring.String) {
	r := fl.Body.List[0].(*ast.ReturnStatement)
	idx := fl.Function
	r.Argument = &ast.CallExpression{
		Callee: &ast.DotExpression{
			Left:       &ast.Identifier{Name: unistring.NewFromString(asyncGenHelperName), Idx: idx},
			Identifier: ast.Identifier{Name: "of", Idx: idx},
		},
		LeftParenthesis:  idx,
		ArgumentList:     []ast.Expression{selfGetter(self, idx), r.Argument},
		RightParenthesis: idx,
	}
}

// selfGetter is `() => self`: of reads it inside a try, so a call before
// the binding is initialised (a module cycle) falls back to
// %AsyncGeneratorPrototype% instead of throwing.
func selfGetter(self unistring.String, idx file.Idx) ast.Expression {
	return &ast.ArrowFunctionLiteral{
		Start:         idx,
		ParameterList: &ast.ParameterList{Opening: idx, Closing: idx},
		Body:          &ast.ExpressionBody{Expression: &ast.Identifier{Name: self, Idx: idx}},
		Source:        "() => {}",
	}
}

// selfExpr is `((self) => self = __jsvmAsyncGen(fl, name...))()`: the
// marked function, with a binding of itself its body can reach.
func selfExpr(fl *ast.FunctionLiteral, name ...string) ast.Expression {
	self := selfName()
	ofSelf(fl, self)
	idx := fl.Function
	arrow := &ast.ArrowFunctionLiteral{
		Start:         idx,
		ParameterList: &ast.ParameterList{Opening: idx, List: []*ast.Binding{{Target: &ast.Identifier{Name: self, Idx: idx}}}, Closing: idx},
		Body: &ast.ExpressionBody{Expression: &ast.AssignExpression{
			Operator: token.ASSIGN,
			Left:     &ast.Identifier{Name: self, Idx: idx},
			Right:    helperCall(fl, fl, name...),
		}},
		Source: "() => {}",
	}
	return &ast.CallExpression{Callee: arrow, LeftParenthesis: idx, RightParenthesis: idx}
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
			self := selfName()
			ofSelf(fd.Function, self)
			b := []*ast.Binding{{Target: &ast.Identifier{Name: self, Idx: name.Idx}, Initializer: helperCall(name, name)}}
			calls = append(calls, &ast.LexicalDeclaration{Idx: name.Idx, Token: token.LET, List: b})
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
					f.Set(reflect.ValueOf(selfExpr(fl, inferredName(v, i)...)))
					continue
				}
				if x, _ := f.Interface().(ast.Expression); x != nil {
					if e, cls, ok := withLoweredMethods(x); ok {
						m.walk(f)
						f.Set(reflect.ValueOf(ast.Expression(methodsCall(e, cls))))
						continue
					}
				}
			case f.Type() == stmtListType && f.CanSet():
				f.Set(reflect.ValueOf(afterClasses(m.list(f.Interface().([]ast.Statement), false))))
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
					e.Set(reflect.ValueOf(selfExpr(fl)))
					continue
				}
				if y, _ := e.Interface().(ast.Expression); y != nil {
					if x, cls, ok := withLoweredMethods(y); ok {
						m.walk(e)
						e.Set(reflect.ValueOf(ast.Expression(methodsCall(x, cls))))
						continue
					}
				}
			}
			m.walk(e)
		}
	}
}

var (
	bindingType = reflect.TypeOf(ast.Binding{})
	assignType  = reflect.TypeOf(ast.AssignExpression{})
)

// inferredName is the name an anonymous function in field i of v gets
// (NamedEvaluation): `x = f`, `let x = f`, `{ x: f }`; none otherwise.
func inferredName(v reflect.Value, i int) []string {
	field := v.Type().Field(i).Name
	switch {
	case v.Type() == bindingType && field == "Initializer":
		if id, ok := v.FieldByName("Target").Interface().(*ast.Identifier); ok {
			return []string{id.Name.String()}
		}
	case v.Type() == assignType && field == "Right":
		if v.FieldByName("Operator").Interface().(token.Token) != token.ASSIGN {
			return nil
		}
		if id, ok := v.FieldByName("Left").Interface().(*ast.Identifier); ok {
			return []string{id.Name.String()}
		}
	case v.Type() == propKeyed && field == "Value":
		if k, ok := v.FieldByName("Key").Interface().(*ast.StringLiteral); ok {
			return []string{k.Value.String()}
		}
	}
	return nil
}

// withLoweredMethods reports whether e is an object literal or a class
// with a lowered async generator method (cls: a class, whose prototype's
// methods count too).
func withLoweredMethods(e ast.Expression) (ast.Expression, bool, bool) {
	switch x := e.(type) {
	case *ast.ObjectLiteral:
		for _, p := range x.Value {
			if pk, ok := p.(*ast.PropertyKeyed); ok && pk.Kind == ast.PropertyKindMethod {
				if fl, ok := pk.Value.(*ast.FunctionLiteral); ok && isLoweredAsyncGen(fl) {
					return x, false, true
				}
			}
		}
	case *ast.ClassLiteral:
		return x, true, classHasLowered(x)
	}
	return nil, false, false
}

func classHasLowered(c *ast.ClassLiteral) bool {
	for _, el := range c.Body {
		if md, ok := el.(*ast.MethodDefinition); ok && md.Kind == ast.PropertyKindMethod && isLoweredAsyncGen(md.Body) {
			return true
		}
	}
	return false
}

// methodsCall is `__jsvmAsyncGen.methods(e, cls)`: the helper marks the
// object's (and a class's prototype's) lowered async generator methods,
// which stay methods in the code (super, home object).
func methodsCall(e ast.Expression, cls bool) *ast.CallExpression {
	idx := e.Idx0()
	lit := "false"
	if cls {
		lit = "true"
	}
	return &ast.CallExpression{
		Callee: &ast.DotExpression{
			Left:       &ast.Identifier{Name: unistring.NewFromString(asyncGenHelperName), Idx: idx},
			Identifier: ast.Identifier{Name: "methods", Idx: idx},
		},
		LeftParenthesis:  idx,
		ArgumentList:     []ast.Expression{e, &ast.BooleanLiteral{Idx: idx, Literal: lit, Value: cls}},
		RightParenthesis: idx,
	}
}

// afterClasses puts `__jsvmAsyncGen.methods(C, true)` after each class
// declaration of sts with lowered async generator methods.
func afterClasses(sts []ast.Statement) []ast.Statement {
	var out []ast.Statement
	for i, st := range sts {
		var c *ast.ClassLiteral
		switch x := st.(type) {
		case *ast.ClassDeclaration:
			c = x.Class
		case *ast.ExportDeclaration:
			if x.ClassDeclaration != nil {
				c = x.ClassDeclaration.Class
			}
		}
		if c == nil || c.Name == nil || !classHasLowered(c) {
			if out != nil {
				out = append(out, st)
			}
			continue
		}
		if out == nil {
			out = append([]ast.Statement{}, sts[:i]...)
		}
		name := &ast.Identifier{Name: c.Name.Name, Idx: c.Name.Idx}
		out = append(out, st, &ast.ExpressionStatement{Expression: methodsCall(name, true)})
	}
	if out == nil {
		return sts
	}
	return out
}
