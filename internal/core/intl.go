package core

import (
	"sync"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/intl"
)

// Intl, SharedArrayBuffer and Atomics (internal/intl) are globals sobek
// lacks. Each is built in a realm when its code first reads the global:
// they are in sobek's global template (engine.AddLazyGlobal, as
// WebAssembly), so every realm has them as V8's data properties. Where
// the template cannot take them, a contextified context defines one when
// the global proxy is first asked for the name, and a realm whose global
// is no proxy (main, DONT_CONTEXTIFY) gets accessors at its first run.
// A realm that never reads them pays nothing. The locale methods of the builtins (toLocaleString,
// localeCompare ...) reach the realm's Intl through sobek's templates
// (intl.Prepare), so they cost nothing until called either.

// capIntl is the first of three bits, one per name of intl.Names.
const capIntl = 1 << 13 // 13, 14, 15 (1<<11 is capRegExp, 1<<12 left free)

func init() {
	intl.SetRangeErrorMaker(engine.NewRangeError)
}

var intlOnce sync.Once

// lazyIntl: the names are in sobek's global template.
var lazyIntl bool

func prepareIntl() {
	intlOnce.Do(func() {
		ok := true
		for _, n := range intl.Names {
			ok = engine.AddLazyGlobal(n, func(rt *sobek.Runtime) sobek.Value { return intl.Global(rt, n) }) && ok
		}
		lazyIntl = ok
	})
}

// installIntl defines the global name (one of intl.Names) in c, once.
func (c *Context) installIntl(name string) {
	if lazyIntl {
		return
	}
	for i, n := range intl.Names {
		if n != name {
			continue
		}
		bit := capIntl << i
		if c.capped&bit != 0 {
			return
		}
		c.capped |= bit
		if c.builtins.Get(name) != nil {
			return
		}
		v := intl.Global(c.rt, name)
		_ = c.builtins.DefineDataProperty(name, v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}

// installAllIntl makes every name of intl.Names reachable in a realm
// whose global is no proxy (main, DONT_CONTEXTIFY): no trap sees the
// first read there, so each is an accessor that builds the value when
// first read or replaced and turns into V8's data property then. Only
// Object.getOwnPropertyDescriptor before that first use tells.
func (c *Context) installAllIntl() {
	if lazyIntl {
		return
	}
	rt := c.rt
	for _, n := range intl.Names {
		name := n
		if c.builtins.Get(name) != nil {
			continue
		}
		settle := func(v sobek.Value) {
			_ = c.builtins.DefineDataProperty(name, v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		}
		get := rt.ToValue(func(sobek.FunctionCall) sobek.Value {
			c.installIntlBit(name)
			v := intl.Global(rt, name)
			settle(v)
			return v
		})
		set := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
			c.installIntlBit(name)
			settle(call.Argument(0))
			return sobek.Undefined()
		})
		_ = c.builtins.DefineAccessorProperty(name, get, set, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}

// installIntlBit records that name is settled (installIntl does nothing
// for it any more).
func (c *Context) installIntlBit(name string) {
	for i, n := range intl.Names {
		if n == name {
			c.capped |= capIntl << i
		}
	}
}
