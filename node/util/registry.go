package util

import (
	"runtime"
	"sync"
	"weak"

	"github.com/grafana/sobek"
)

// loaded maps a runtime to the util.inspect function Load made for it, so
// custom inspectors receive the real util.inspect as their third argument.
// Both sides are weak: the table never keeps a runtime alive.
var loaded sync.Map // weak.Pointer[sobek.Runtime] -> weak.Pointer[sobek.Object]

func rememberInspect(rt *sobek.Runtime, f *sobek.Object) {
	registerInspectFunc(f)
	k := weak.Make(rt)
	loaded.Store(k, weak.Make(f))
	runtime.AddCleanup(rt, func(k weak.Pointer[sobek.Runtime]) { loaded.Delete(k); defaultsByRuntime.Delete(k) }, k)
}

func loadedInspect(rt *sobek.Runtime) sobek.Value {
	v, ok := loaded.Load(weak.Make(rt))
	if !ok {
		return nil
	}
	if f := v.(weak.Pointer[sobek.Object]).Value(); f != nil {
		return f
	}
	return nil
}

var defaultsByRuntime sync.Map // weak.Pointer[sobek.Runtime] -> weak.Pointer[sobek.Object]

// DefaultOptions returns util.inspect.defaultOptions of rt's util module
// (Node's defaults when util was not loaded there), with Unwrap unset.
func DefaultOptions(rt *sobek.Runtime) InspectOptions {
	v, ok := defaultsByRuntime.Load(weak.Make(rt))
	if !ok {
		return InspectOptions{}
	}
	d := v.(weak.Pointer[sobek.Object]).Value()
	if d == nil {
		return InspectOptions{}
	}
	return OptionsFromJS(rt, []sobek.Value{d})
}
