package core

import "github.com/grafana/sobek"

// Context extensions (vm.compileFunction's contextExtensions) are nested
// `with` statements around the function, one per object (function.go),
// and sobek's compiler refuses more than 256 nested scopes, where V8 takes
// any number. Past maxNestedExtensions objects, one scope object stands
// for all of them: a Proxy that looks each name up in the objects, last
// first, as the nested scopes would (HasProperty, then Get or Set on the
// object that has it).

const maxNestedExtensions = 128

// ExtensionScopes is the number of scopes (FunctionOptions.Extensions)
// that n extension objects take.
func ExtensionScopes(n int) int {
	if n > maxNestedExtensions {
		return 1
	}
	return n
}

// ExtensionArgs returns the arguments for the factory of a function
// compiled with ExtensionScopes(len(exts)) scopes; exts are objects of c.
func (c *Context) ExtensionArgs(exts []sobek.Value) []sobek.Value {
	if len(exts) <= maxNestedExtensions {
		return exts
	}
	exts = append([]sobek.Value(nil), exts...)
	r := c.reflect()
	holder := func(k sobek.Value) sobek.Value {
		for i := len(exts) - 1; i >= 0; i-- {
			if o, ok := exts[i].(*sobek.Object); ok && mustCall(r.has, o, k).ToBoolean() {
				return o
			}
		}
		return nil
	}
	scope := c.rt.NewProxy(c.rt.NewObject(), &sobek.ProxyTrapConfig{
		Has: func(_ *sobek.Object, k string) bool { return holder(c.rt.ToValue(k)) != nil },
		Get: func(_ *sobek.Object, k string, _ sobek.Value) sobek.Value {
			kv := c.rt.ToValue(k)
			if o := holder(kv); o != nil {
				return mustCall(r.get, o, kv)
			}
			return sobek.Undefined()
		},
		Set: func(_ *sobek.Object, k string, v, _ sobek.Value) bool {
			kv := c.rt.ToValue(k)
			if o := holder(kv); o != nil {
				return mustCall(r.set, o, kv, v).ToBoolean()
			}
			return false
		},
	})
	return []sobek.Value{c.rt.ToValue(scope)}
}
