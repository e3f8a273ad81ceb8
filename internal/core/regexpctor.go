package core

import (
	"sync"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// Patterns built at run time get the rewrites of regexp literals
// (engine.HookRegExpConstructor): named groups, \p{..}, classes of
// surrogates. Hooking materialises the realm's RegExp, so a context does
// it when its code can build one from a string: a script or eval source
// that names RegExp, a module, a function body, a call from another realm
// (where the errors are hooked too, errwords.go).

var namedGroupsProgram = sync.OnceValue(func() *sobek.Program {
	p, err := sobek.Compile("node:internal/regexp", engine.NamedGroupsHelperSource, true)
	if err != nil {
		panic(err)
	}
	return p
})

// hookRegExp hooks c's intrinsic RegExp, once.
func (c *Context) hookRegExp() {
	if c.regexpHooked {
		return
	}
	c.regexpHooked = true
	engine.HookRegExpConstructor(c.rt, engine.Intrinsic(c.rt, "RegExp"), c.namedGroups)
	// the hook made the realm's RegExp.prototype: its methods' match
	// bound goes on now (regexguard.go)
	c.guardRegExps(false)
}

// namedGroups runs the named-groups helper of c's realm on r.
func (c *Context) namedGroups(r *sobek.Object, names []string, source string) *sobek.Object {
	if c.namedGroupsFn == nil {
		v, err := c.rt.RunProgram(namedGroupsProgram())
		if err != nil {
			return r
		}
		mk, _ := sobek.AssertFunction(v)
		if mk == nil {
			return r
		}
		intr := func(name string) sobek.Value {
			if o := engine.Intrinsic(c.rt, name); o != nil {
				return o
			}
			return c.builtins.Get(name)
		}
		h, err := mk(sobek.Undefined(), intr("Object"), intr("Symbol"), intr("Math"), intr("String"))
		if err != nil {
			return r
		}
		c.namedGroupsFn, _ = sobek.AssertFunction(h)
		if c.namedGroupsFn == nil {
			return r
		}
	}
	nv := make([]any, len(names))
	for i, n := range names {
		nv[i] = n
	}
	v, err := c.namedGroupsFn(sobek.Undefined(), r, c.rt.NewArray(nv...), c.rt.ToValue(source))
	if err != nil {
		panic(err) // as the construction's own error
	}
	if o, ok := v.(*sobek.Object); ok {
		return o
	}
	return r
}
