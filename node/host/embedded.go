package host

import (
	"strings"
	"sync"

	"github.com/grafana/sobek"
)

// Embedded is JavaScript that a builtin module carries (usually with
// //go:embed): compiled once per process, lazily, as a function of Params,
// and instantiated in each host that loads the module. The function is
// made inside one whose parameters are intrinsicGlobals, called with the
// host's captured intrinsics: the module's free references to Object,
// Uint8Array, Symbol... are the originals, whatever user code assigned to
// those globals before the module loaded, and so are the primordials the
// source names (primordialNames: ObjectKeys, FunctionPrototypeCall,
// MethodPush, SafeIterable...), bound as further parameters: Node's
// builtins use primordials.
type Embedded struct {
	Name   string // the file name its frames show, e.g. "node:events"
	Params string // the function's parameters, e.g. "module, exports, internals"
	Source string // the function's body

	once sync.Once
	prog *sobek.Program
	used []int // indices into primordialNames the source names
	err  error
}

// Func returns the embedded function, made in h's main runtime.
func (e *Embedded) Func(h *Host) (sobek.Callable, error) {
	e.once.Do(func() {
		params := intrinsicParams
		e.used = primordialsUsed(e.Source)
		for _, i := range e.used {
			params += ", " + primordialNames[i]
		}
		e.prog, e.err = sobek.Compile(e.Name, "(function("+params+") { return function("+e.Params+") {"+e.Source+"\n} })", true)
	})
	if e.err != nil {
		return nil, e.err
	}
	v, err := h.Runtime.RunProgram(e.prog)
	if err != nil {
		return nil, err
	}
	outer, _ := sobek.AssertFunction(v)
	args := append([]sobek.Value(nil), h.intrinsicGlobalValues()...)
	for _, i := range e.used {
		args = append(args, h.primordial(i))
	}
	if v, err = outer(sobek.Undefined(), args...); err != nil {
		return nil, err
	}
	fn, _ := sobek.AssertFunction(v)
	return fn, nil
}

var intrinsicParams = strings.Join(intrinsicGlobals, ", ")

// Run calls the embedded function the way a builtin's loader does: with
// module, its exports, then args.
func (e *Embedded) Run(h *Host, module *sobek.Object, args ...sobek.Value) error {
	fn, err := e.Func(h)
	if err != nil {
		return err
	}
	_, err = fn(sobek.Undefined(), append([]sobek.Value{module, module.Get("exports")}, args...)...)
	return err
}

// ExportsOf is the loader of a builtin whose exports are a property of
// another builtin's exports (fs/promises is require('fs').promises).
func ExportsOf(builtin, property string) Loader {
	return func(h *Host, module *sobek.Object) error {
		v, err := h.Require(builtin)
		if err != nil {
			return err
		}
		o, ok := v.(*sobek.Object)
		if !ok {
			return module.Set("exports", sobek.Undefined())
		}
		return module.Set("exports", o.Get(property))
	}
}
