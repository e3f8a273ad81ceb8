package host

import (
	"sync"

	"github.com/grafana/sobek"
)

// Embedded is JavaScript that a builtin module carries (usually with
// //go:embed): compiled once per process, lazily, as a function of Params,
// and instantiated in each host that loads the module.
type Embedded struct {
	Name   string // the file name its frames show, e.g. "node:events"
	Params string // the function's parameters, e.g. "module, exports, internals"
	Source string // the function's body

	once sync.Once
	prog *sobek.Program
	err  error
}

// Func returns the embedded function, made in h's main runtime.
func (e *Embedded) Func(h *Host) (sobek.Callable, error) {
	e.once.Do(func() {
		e.prog, e.err = sobek.Compile(e.Name, "(function("+e.Params+") {"+e.Source+"\n})", true)
	})
	if e.err != nil {
		return nil, e.err
	}
	v, err := h.Runtime.RunProgram(e.prog)
	if err != nil {
		return nil, err
	}
	fn, _ := sobek.AssertFunction(v)
	return fn, nil
}
