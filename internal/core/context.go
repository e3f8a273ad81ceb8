package core

import (
	"github.com/grafana/sobek"
)

// Context is one realm: a sobek runtime with its own intrinsics. A
// contextified context also has a sandbox whose properties are its globals.
type Context struct {
	iso    *Isolate
	rt     *sobek.Runtime
	isMain bool
	id     int
	name   string
	origin string

	builtins *sobek.Object // the runtime's own global, with the intrinsics
	global   *sobek.Object // what scripts see as globalThis
	sandbox  *sobek.Object // contextified object (nil for the main context)
	sbHome   *Context      // realm the sandbox belongs to
}

// ContextOptions are createContext's options.
type ContextOptions struct {
	Name   string
	Origin string
}

func (iso *Isolate) newRealm(opts ContextOptions) *Context {
	rt := sobek.New()
	iso.nextContextID++
	c := &Context{iso: iso, rt: rt, id: iso.nextContextID, name: opts.Name, origin: opts.Origin}
	c.builtins = rt.GlobalObject()
	c.global = c.builtins
	return c
}

// Runtime returns the sobek runtime of the context. Objects of this runtime
// must never be handed to another runtime except through the membrane.
func (c *Context) Runtime() *sobek.Runtime { return c.rt }

// Isolate returns the isolate the context belongs to.
func (c *Context) Isolate() *Isolate { return c.iso }
