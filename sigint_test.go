package jsvm_test

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// TestBreakOnSigint sends a real SIGINT to the test process from inside a
// BreakOnSigint run: the run stops with Node's error and the process lives.
func TestBreakOnSigint(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, err := iso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Set(context.Background(), "sigint", func() { _ = syscall.Kill(os.Getpid(), syscall.SIGINT) }); err != nil {
		t.Fatal(err)
	}
	loop, err := jsvm.Compile("sigint(); for (;;) {}", jsvm.ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		_, err = c.RunScript(context.Background(), loop, jsvm.RunOptions{BreakOnSigint: true})
		var ie *jsvm.InterruptedError
		if !errors.As(err, &ie) || ie.Code != "ERR_SCRIPT_EXECUTION_INTERRUPTED" || ie.Error() != "Script execution was interrupted by `SIGINT`" {
			t.Fatalf("run %d: got %v, want ERR_SCRIPT_EXECUTION_INTERRUPTED", i, err)
		}
	}
	// no stale interrupt in the next run
	ok, err := jsvm.Compile("1 + 1", jsvm.ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.RunScript(context.Background(), ok, jsvm.RunOptions{BreakOnSigint: true})
	if err != nil || v.String() != "2" {
		t.Fatalf("got %v, %v; want 2", v, err)
	}
}

// TestDisallowStrings checks codeGeneration {strings: false} from the Go
// API (the forms are compared with node in node/vm/testdata/host/codegen.js).
func TestDisallowStrings(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, err := iso.NewContext(nil, jsvm.ContextOptions{DisallowStrings: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"eval('1')", "new Function('return 1')", "(function*(){}).constructor('')"} {
		_, err := c.Run(context.Background(), code, jsvm.RunOptions{})
		var je *jsvm.Error
		if !errors.As(err, &je) || je.Name != "EvalError" || je.Message != "Code generation from strings disallowed for this context" {
			t.Errorf("%s: got %v, want EvalError", code, err)
		}
	}
	v, err := c.Run(context.Background(), "Function.prototype.constructor === Function && (() => 1) instanceof Function", jsvm.RunOptions{})
	if err != nil || v.String() != "true" {
		t.Errorf("identities: got %v, %v", v, err)
	}
}
