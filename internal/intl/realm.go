// Package intl is ECMA-402 (the Intl object) for jsvm's realms, shaped as
// V8's, with en-US data matching node's ICU; plus SharedArrayBuffer and
// Atomics. A realm builds it when its code first reaches Intl (or a
// locale method: toLocaleString, localeCompare), so a realm that never
// does pays nothing.
//
// The object shapes and option reading (their order, V8's messages) are
// JavaScript (intl.js), compiled once per process and run once per realm
// that uses it; formatting, time zones, collation, plural rules and
// segmentation are Go (x/text, time with embedded tzdata, uniseg).
package intl

import (
	_ "embed"
	"sync"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

//go:embed intl.js
var intlSource string

var program = sync.OnceValues(func() (*sobek.Program, error) {
	return sobek.Compile("intl.js", intlSource, true)
})

// Realm is one runtime's Intl state, made when first needed.
type Realm struct {
	rt    *sobek.Runtime
	intl  *sobek.Object // the Intl namespace
	hooks *sobek.Object // what the locale methods call
	sab   *sabRealm
	noop  sobek.Callable // pollInterrupt's
}

var realms engine.PerRuntime[Realm]

// For returns rt's Realm. It is held weakly: a Realm lives as long as
// the functions of rt that captured it.
func For(rt *sobek.Runtime) *Realm {
	return realms.Get(rt, func() *Realm { return &Realm{rt: rt} })
}

// Intl returns the realm's Intl object, building it on first use.
func (r *Realm) Intl() *sobek.Object {
	r.build()
	return r.intl
}

func (r *Realm) build() {
	if r.intl != nil {
		return
	}
	prog, err := program()
	if err != nil {
		panic(err)
	}
	f, err := r.rt.RunProgram(prog)
	if err != nil {
		panic(err)
	}
	fn, ok := sobek.AssertFunction(f)
	if !ok {
		panic("intl.js: no factory")
	}
	res, err := fn(sobek.Undefined(), r.natives())
	if err != nil {
		panic(err)
	}
	o := res.(*sobek.Object)
	r.intl = o.Get("Intl").(*sobek.Object)
	r.hooks = o.Get("hooks").(*sobek.Object)
}

// Global returns the value of the global name that this package provides
// in rt (Intl, SharedArrayBuffer, Atomics), nil for other names.
func Global(rt *sobek.Runtime, name string) sobek.Value {
	switch name {
	case "Intl":
		return For(rt).Intl()
	case "SharedArrayBuffer":
		return For(rt).sabs().ctor
	case "Atomics":
		return For(rt).sabs().atomics
	}
	return nil
}

// Names are the globals Global provides.
var Names = [...]string{"Intl", "SharedArrayBuffer", "Atomics"}

// IsName reports whether name is one of Names.
func IsName(name string) bool {
	return name == "Intl" || name == "SharedArrayBuffer" || name == "Atomics"
}

func (r *Realm) hook(name string, args ...sobek.Value) sobek.Value {
	r.build()
	f, _ := sobek.AssertFunction(r.hooks.Get(name))
	v, err := f(r.hooks, args...)
	if err != nil {
		panic(err)
	}
	return v
}
