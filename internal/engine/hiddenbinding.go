package engine

import (
	"reflect"
	"sync"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
	"github.com/grafana/sobek/unistring"
)

// A hidden binding is a global lexical binding of a realm under a name no
// source can spell (it holds a space and a '%'), which jsvm's AST
// rewrites call (the await guard's hook, the import() options hook). It
// is declared by a program compiled from the AST of
// `let <placeholder>; (f) => { <placeholder> = f }` with both identifiers
// renamed, which returns the setter; install runs it once per realm and
// sets the binding to a Go function.
type hiddenBinding struct {
	name   unistring.String
	setter func() *sobek.Program // nil when the program cannot be made
}

func newHiddenBinding(name string) *hiddenBinding {
	b := &hiddenBinding{name: unistring.NewFromString(name)}
	b.setter = sync.OnceValue(func() *sobek.Program {
		const placeholder = "jsvmHiddenBindingPlaceholder"
		prog, err := parser.ParseFile(nil, "", "let "+placeholder+"; (f) => { "+placeholder+" = f }", 0, parser.WithDisableSourceMaps)
		if err != nil {
			panic(err)
		}
		n := 0
		renameTo(reflect.ValueOf(prog), unistring.NewFromString(placeholder), b.name, &n)
		if n != 2 {
			return nil
		}
		p, err := sobek.CompileAST(prog, true)
		if err != nil {
			return nil
		}
		return p
	})
	return b
}

// hiddenSlot is a realm's state of one hidden binding.
type hiddenSlot struct {
	set  sobek.Callable // the setter, once its program ran
	done bool           // the binding holds the hook
}

// install gives rt the binding, set to hook, once (s is rt's slot). It
// runs a program, so an interrupt pending on rt fails it: it is tried
// again next time.
func (b *hiddenBinding) install(rt *sobek.Runtime, s *hiddenSlot, hook func(sobek.FunctionCall) sobek.Value) error {
	setter := b.setter()
	if setter == nil || s.done {
		return nil
	}
	if s.set == nil {
		f, err := rt.RunProgram(setter)
		if err != nil {
			return err
		}
		set, ok := sobek.AssertFunction(f)
		if !ok {
			return nil
		}
		s.set = set
	}
	if _, err := s.set(sobek.Undefined(), rt.ToValue(hook)); err != nil {
		return err
	}
	s.done = true
	return nil
}

// renameTo renames the identifiers from of the AST at v to, counting them.
func renameTo(v reflect.Value, from, to unistring.String, n *int) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return
		}
		if id, ok := v.Interface().(*ast.Identifier); ok {
			if id.Name == from {
				id.Name = to
				*n++
			}
			return
		}
		renameTo(v.Elem(), from, to, n)
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).Name != "DeclarationList" {
				renameTo(v.Field(i), from, to, n)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			renameTo(v.Index(i), from, to, n)
		}
	}
}
