package engine

import (
	"reflect"
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/unistring"
	"github.com/jsvm-dev/jsvm/internal/jslex"
)

// import(specifier, options) with options sobek cannot read from the
// source (anything but an object literal of string attributes, which
// jslex takes out): sobek's parser refuses a second argument. jslex then
// renames the call's `import` to ImportPlaceholder (same length: every
// position stays), which sobek parses as a plain call of two arguments;
// RewriteImportCalls turns it back into an import() whose argument is a
// call of a hidden global lexical binding (EnsureImportHook), given the
// specifier and the options. The hook does what V8's import() does
// before it asks the host (ToString of the specifier, then the options'
// `with`, else `assert`, an object of string values, read in V8's
// order), keeps the attributes for the host's import callback, which runs
// next on the same runtime (TakeImportAttributes), and returns the
// specifier's string; a failure becomes a specifier whose toString throws
// it, so that import() rejects with it, as in V8.

// ImportPlaceholder stands for `import` in a call jslex renamed; sources
// that hold it themselves are not renamed.
const ImportPlaceholder = jslex.ImportPlaceholder

// ImportHookName is the hidden binding's name.
const ImportHookName = "%jsvm import"

var (
	importPlaceholder = unistring.NewFromString(ImportPlaceholder)
	importBinding     = newHiddenBinding(ImportHookName)
	importHookName    = importBinding.name
	callType          = reflect.TypeFor[*ast.CallExpression]()
)

// RewriteImportCalls rewrites the renamed import() calls of prog (see
// above) and reports whether there was one.
func RewriteImportCalls(prog *ast.Program) bool {
	if prog == nil {
		return false
	}
	found := false
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Interface {
				if v.Elem().Type() == callType {
					if c := v.Elem().Interface().(*ast.CallExpression); isRenamedImport(c) {
						for i := range c.ArgumentList {
							walk(reflect.ValueOf(&c.ArgumentList[i]).Elem())
						}
						if v.CanSet() {
							v.Set(reflect.ValueOf(importCall(c)))
							found = true
						}
						return
					}
				}
				v = v.Elem()
				if v.Kind() != reflect.Pointer || v.IsNil() {
					return
				}
			}
			if e := v.Elem(); e.Kind() == reflect.Struct && e.Type().PkgPath() == astPkg {
				for _, i := range nodeFields(e.Type()) {
					walk(e.Field(i))
				}
			}
		case reflect.Struct:
			for _, i := range nodeFields(v.Type()) {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	for i := range prog.Body {
		walk(reflect.ValueOf(&prog.Body[i]).Elem())
	}
	return found
}

func isRenamedImport(c *ast.CallExpression) bool {
	id, ok := c.Callee.(*ast.Identifier)
	return ok && id.Name == importPlaceholder
}

// importCall is `import(<hook>(args...))` at c's positions.
func importCall(c *ast.CallExpression) *ast.CallExpression {
	id := c.Callee.(*ast.Identifier)
	return &ast.CallExpression{
		Callee:          &ast.DynamicImportExpression{Idx: id.Idx},
		LeftParenthesis: c.LeftParenthesis,
		ArgumentList: []ast.Expression{&ast.CallExpression{
			Callee:           &ast.Identifier{Name: importHookName, Idx: c.LeftParenthesis},
			LeftParenthesis:  c.LeftParenthesis,
			ArgumentList:     c.ArgumentList,
			RightParenthesis: c.RightParenthesis,
		}},
		RightParenthesis: c.RightParenthesis,
	}
}

// MayHaveImportCalls reports whether src may hold renamed import() calls.
func MayHaveImportCalls(src string) bool { return strings.Contains(src, ImportPlaceholder) }

// ImportAttributes are the attributes an import() hook read, for the
// host's import callback.
type ImportAttributes struct {
	Attrs  [][2]string // key, value in V8's order
	Assert bool        // read from `assert` (V8's deprecation warning)
}

type importHookState struct {
	hiddenSlot
	pending *ImportAttributes
}

var importHooks PerRuntime[importHookState]

// TakeImportAttributes returns (and forgets) the attributes the hook
// read for the import() whose host callback runs now on rt.
func TakeImportAttributes(rt *sobek.Runtime) (*ImportAttributes, bool) {
	st := importHooks.Lookup(rt)
	if st == nil || st.pending == nil {
		return nil, false
	}
	a := st.pending
	st.pending = nil
	return a, true
}

// EnsureImportHook gives rt the binding RewriteImportCalls' programs
// call, once; call it before such a program runs in rt.
func EnsureImportHook(rt *sobek.Runtime) error {
	st := importHooks.Get(rt, func() *importHookState { return &importHookState{} })
	if st.done {
		return nil
	}
	hook := func(c sobek.FunctionCall) sobek.Value {
		st.pending = nil
		s, attrs, err := importOptions(rt, c.Argument(0), c.Argument(1))
		if err != nil {
			return poisoned(rt, err)
		}
		st.pending = attrs
		return s
	}
	return importBinding.install(rt, &st.hiddenSlot, hook)
}

// importOptions is V8's (11.3, Node v20) reading of import()'s arguments:
// ToString(specifier), then options.with (or, when undefined,
// options.assert), whose own enumerable string keys are read first, then
// their values, which must be strings.
func importOptions(rt *sobek.Runtime, spec, opts sobek.Value) (s sobek.Value, attrs *ImportAttributes, thrown sobek.Value) {
	// the reads run JS (toString, getters, Proxy traps): inside sobek's
	// own try, which unwinds its stack on a throw
	if ex := rt.Try(func() { s, attrs, thrown = readImportOptions(rt, spec, opts) }); ex != nil {
		return nil, nil, ex.Value()
	}
	return s, attrs, thrown
}

func readImportOptions(rt *sobek.Runtime, spec, opts sobek.Value) (sobek.Value, *ImportAttributes, sobek.Value) {
	typeError := func(msg string) sobek.Value { return rt.NewTypeError(msg) }
	var str sobek.Value = spec
	if _, ok := spec.(sobek.String); !ok {
		str = rt.ToValue(spec.String()) // a throw: the rejection
	}
	attrs := &ImportAttributes{Attrs: [][2]string{}}
	if sobek.IsUndefined(opts) {
		return str, attrs, nil
	}
	o, isObj := opts.(*sobek.Object)
	if !isObj {
		return nil, nil, typeError("The second argument to import() must be an object")
	}
	w := o.Get("with")
	if w == nil || sobek.IsUndefined(w) {
		w = o.Get("assert")
		attrs.Assert = w != nil && !sobek.IsUndefined(w)
	}
	if w == nil || sobek.IsUndefined(w) {
		return str, attrs, nil
	}
	wo, isObj := w.(*sobek.Object)
	if !isObj {
		return nil, nil, typeError("The 'assert' option must be an object")
	}
	keys := wo.Keys() // own enumerable string keys (ownKeys, then each descriptor)
	vals := make([]sobek.Value, len(keys))
	for i, k := range keys {
		vals[i] = wo.Get(k)
	}
	for i, k := range keys {
		v, isStr := vals[i].(sobek.String)
		if !isStr {
			return nil, nil, typeError("Import assertion value must be a string")
		}
		attrs.Attrs = append(attrs.Attrs, [2]string{k, v.String()})
	}
	return str, attrs, nil
}

// poisoned is a specifier whose conversion to a string throws v (a
// null-prototype object with its own toString).
func poisoned(rt *sobek.Runtime, v sobek.Value) sobek.Value {
	o := rt.NewObject()
	_ = o.SetPrototype(nil)
	_ = o.Set("toString", func(sobek.FunctionCall) sobek.Value { panic(v) })
	return o
}
