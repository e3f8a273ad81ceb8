package jsvm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// TestProxyCyclesThroughTheAPI (#9): uncaught, a forwarding cycle and a
// getPrototypeOf cycle of Proxies leave a run as V8's RangeError (node:
// "RangeError: Maximum call stack size exceeded"), in the main context and
// in a new one, and the isolate keeps working.
func TestProxyCyclesThroughTheAPI(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, err := iso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{
		`const o = {}; Object.setPrototypeOf(o, new Proxy(o, {})); o.x`,
		`const a = new Proxy({}, { getPrototypeOf() { return b } }), b = new Proxy({}, { getPrototypeOf() { return a } }); a instanceof Object`,
		`const a = new Proxy({}, { getPrototypeOf() { return b } }), b = new Proxy({}, { getPrototypeOf() { return a } }); for (const k in a);`,
	} {
		for _, ctx := range []*jsvm.Context{iso.MainContext(), c} {
			_, err := ctx.Run(context.Background(), "{"+code+"}", jsvm.RunOptions{})
			var je *jsvm.Error
			if !errors.As(err, &je) || je.Name != "RangeError" || je.Message != "Maximum call stack size exceeded" {
				t.Errorf("%s: got %v, want RangeError: Maximum call stack size exceeded", code, err)
			}
		}
	}
	mustWork(t, iso)
}
