package jsvm_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// Cleanup callbacks of FinalizationRegistry run in a Go API isolate: at
// the end of a run from Go after the target was collected, and in
// RunFinalizers; a throwing callback reaches FinalizationError and the
// others still run.
func TestFinalizationCallbacksRun(t *testing.T) {
	var reported []error
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{FinalizationError: func(err error) { reported = append(reported, err) }})
	ctx := context.Background()
	c, err := iso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(ctx, `var log = [];
		var fr = new FinalizationRegistry((h) => { log.push(h); if (h === 'bad') throw new RangeError('cleanup ' + h); });
		(function () { fr.register({}, 'a'); fr.register({}, 'bad'); fr.register({}, 'c'); })();`, jsvm.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	var got string
	for i := 0; i < 20 && strings.Count(got, ",") < 2; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if err := iso.RunFinalizers(ctx); err != nil {
			var je *jsvm.Error
			if !errors.As(err, &je) || !strings.Contains(err.Error(), "cleanup bad") {
				t.Fatalf("RunFinalizers: %v", err)
			}
		}
		v, err := c.Run(ctx, `log.slice().sort().join()`, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got = v.String()
	}
	if got != "a,bad,c" {
		t.Fatalf("callbacks ran for %q, want a,bad,c", got)
	}
	if len(reported) != 1 || !strings.Contains(reported[0].Error(), "cleanup bad") {
		t.Fatalf("reported %v", reported)
	}
}

// A run's end runs the callbacks too, without RunFinalizers.
func TestFinalizationAtRunEnd(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	ctx := context.Background()
	c := iso.MainContext()
	if _, err := c.Run(ctx, `var seen = 0; var fr = new FinalizationRegistry(() => { seen++ }); (function () { fr.register({}, 1) })();`, jsvm.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if _, err := c.Run(ctx, `0`, jsvm.RunOptions{}); err != nil { // its end runs them
			t.Fatal(err)
		}
		v, err := c.Run(ctx, `seen`, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if v.String() == "1" {
			return
		}
	}
	t.Fatal("the cleanup callback never ran")
}

// A runaway cleanup callback is stopped by the run's timeout, and the
// isolate stays usable.
func TestFinalizationRunawayCallback(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{DefaultTimeout: 200 * time.Millisecond})
	ctx := context.Background()
	c := iso.MainContext()
	if _, err := c.Run(ctx, `var fr = new FinalizationRegistry(() => { for (;;); }); (function () { fr.register({}, 1) })();`, jsvm.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	var stopped bool
	for i := 0; i < 20 && !stopped; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		_, err := c.Run(ctx, `0`, jsvm.RunOptions{})
		var ie *jsvm.InterruptedError
		if errors.As(err, &ie) {
			stopped = true
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if !stopped {
		t.Fatal("the runaway callback never ran")
	}
	if v, err := c.Run(ctx, `1 + 1`, jsvm.RunOptions{}); err != nil || v.String() != "2" {
		t.Fatalf("after the runaway callback: %v %v", v, err)
	}
}
