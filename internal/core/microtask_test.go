package core

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestHeldJobsWait pins the engine behaviour held runs rely on: a run
// nested in a frame of its runtime does not drain the job queue, and the
// jobs run when the frame returns. It fails loudly if sobek changes when
// it drains.
func TestHeldJobsWait(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	c := iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{})
	var log []string
	_ = c.Runtime().Set("log", func(call sobek.FunctionCall) sobek.Value {
		log = append(log, call.Argument(0).String())
		return sobek.Undefined()
	})
	s, err := Compile("Promise.resolve().then(() => log('job')); log('script')", ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c.RunHeld(func() {
		if _, err := c.Run(s); err != nil {
			t.Error(err)
		}
	})
	log = append(log, "after run")
	if !c.Held() {
		t.Fatal("context not held after a held run")
	}
	c.Release()
	log = append(log, "after release")
	want := "script,after run,job,after release"
	if got := join(log); got != want {
		t.Fatalf("order %s, want %s", got, want)
	}
	// unheld, the jobs run before Run returns (sobek drains at the end)
	log = nil
	if _, err := c.Run(s); err != nil {
		t.Fatal(err)
	}
	log = append(log, "after run")
	if got := join(log); got != "script,job,after run" {
		t.Fatalf("unheld order %s", got)
	}
	// a held run nested in a held run of the same context runs in place
	var inner bool
	c.RunHeld(func() { c.RunHeld(func() { inner = true }) })
	if !inner {
		t.Fatal("nested held run did not run")
	}
	iso.ReleaseHeld()
	// a panic inside a held run reaches the caller
	defer func() {
		if recover() == nil {
			t.Error("panic lost")
		}
		iso.ReleaseHeld()
	}()
	c.RunHeld(func() { panic("boom") })
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

// TestRunHeldWithoutJobs: a held run that queues no job leaves nothing
// behind (no held frame, nothing for a release to do).
func TestRunHeldWithoutJobs(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	c := iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{})
	s, _ := Compile("1 + 1", ScriptOptions{})
	if c.RunHeld(func() { _, _ = c.Run(s) }) || c.Held() || callDepth(c.Runtime()) != 0 || len(iso.held) != 0 {
		t.Fatal("a run without jobs stayed held")
	}
}
