package jsvm_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// An interrupt (timeout, context cancellation) that stops the body of an
// async function, a generator or a promise job must end the run with an
// *InterruptedError and leave every context usable: later runs work and
// their promise jobs run (sobek leaves the interrupted body's frames on
// its VM unless jsvm repairs it; see internal/engine).
func TestInterruptInAsyncBody(t *testing.T) {
	bodies := []string{
		"(async () => { for (;;) {} })()",
		"(async () => { await null; for (;;) {} })()",
		"(async () => { try { for (;;) {} } finally { globalThis.fin = 1 } })()",
		"function* g() { for (;;) {} } g().next()",
		"new (class { async m() { for (;;) {} } })().m()",
		"[1].map(async x => { for (;;) {} })",
		"Promise.resolve().then(() => { for (;;) {} })",
		"(async () => { await (async () => { for (;;) {} })() })()",
	}
	for _, mode := range []string{"", "afterEvaluate"} {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c, err := iso.NewContext(nil, jsvm.ContextOptions{MicrotaskMode: mode})
		if err != nil {
			t.Fatal(err)
		}
		for _, body := range bodies {
			for _, how := range []string{"timeout", "cancel"} {
				s, err := jsvm.Compile(body, jsvm.ScriptOptions{})
				if err != nil {
					t.Fatal(err)
				}
				ctx, opts := context.Background(), jsvm.RunOptions{Timeout: 20 * time.Millisecond}
				if how == "cancel" {
					var cancel context.CancelFunc
					ctx, cancel = context.WithTimeout(ctx, 20*time.Millisecond)
					defer cancel()
					opts = jsvm.RunOptions{}
				}
				for _, in := range []*jsvm.Context{c, iso.MainContext()} {
					_, err = s.RunInContext(ctx, in, opts)
					var ie *jsvm.InterruptedError
					if !errors.As(err, &ie) {
						// a promise job of a default-mode context runs after
						// the run, as in Node: not bounded, not run here
						if err == nil && mode == "" && body == bodies[6] {
							continue
						}
						t.Errorf("%s %q (%s, main=%v): %v, want an interrupt", mode, body, how, in == iso.MainContext(), err)
						continue
					}
					if how == "cancel" && !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("%q: %v does not unwrap to the context's error", body, err)
					}
					v, err := in.Run(context.Background(), "var ran = false; Promise.resolve().then(() => { ran = true }); [1, 2].map(x => x * 2).join()", jsvm.RunOptions{})
					if err != nil || v.String() != "2,4" {
						t.Fatalf("%s %q (%s): the context is broken after the interrupt: %v %v", mode, body, how, v, err)
					}
					if mode == "afterEvaluate" || in == iso.MainContext() {
						if v, err := in.Run(context.Background(), "ran", jsvm.RunOptions{}); err != nil || v.String() != "true" {
							t.Fatalf("%s %q (%s): promise jobs no longer run after the interrupt: %v %v", mode, body, how, v, err)
						}
					}
				}
			}
		}
	}
}
