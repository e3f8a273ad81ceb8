package jsvm_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
	"github.com/jsvm-dev/jsvm/internal/sandbox/corpus"
)

// pureGo reports whether v is made only of the copy types: anything else
// coming out of a sandbox would be a reference into the engine.
func pureGo(v any, seen map[uintptr]bool) error {
	switch x := v.(type) {
	case nil, bool, float64, string, jsvm.UndefinedType, time.Time, *big.Int, *jsvm.JSRegExp, *jsvm.JSArrayBuffer, *jsvm.JSTypedArray, *jsvm.CopiedError:
		return nil
	case map[string]any:
		p := reflect.ValueOf(x).Pointer()
		if seen[p] {
			return nil
		}
		seen[p] = true
		for _, e := range x {
			if err := pureGo(e, seen); err != nil {
				return err
			}
		}
		return nil
	case []any:
		if len(x) > 0 {
			p := reflect.ValueOf(x).Pointer()
			if seen[p] {
				return nil
			}
			seen[p] = true
		}
		for _, e := range x {
			if err := pureGo(e, seen); err != nil {
				return err
			}
		}
		return nil
	case *jsvm.JSMap:
		for i := range x.Keys {
			if err := pureGo(x.Keys[i], seen); err != nil {
				return err
			}
			if err := pureGo(x.Values[i], seen); err != nil {
				return err
			}
		}
		return nil
	case *jsvm.JSSet:
		for _, e := range x.Values {
			if err := pureGo(e, seen); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("a %T came out of the sandbox", v)
}

func attackSandbox(t *testing.T, resource, process bool) (*jsvm.Sandbox, *[]error) {
	opts := jsvm.SandboxOptions{Timeout: 2 * time.Second, MemoryLimit: 64 << 20}
	if resource {
		opts = jsvm.SandboxOptions{Timeout: 500 * time.Millisecond, MemoryLimit: 32 << 20, CPULimit: time.Second}
	}
	opts.Process = process
	sb, err := jsvm.NewSandbox(opts)
	if err != nil {
		t.Fatal(err)
	}
	var leaks []error
	check := func(args []any) {
		for _, a := range args {
			if err := pureGo(a, map[uintptr]bool{}); err != nil {
				leaks = append(leaks, err)
			}
		}
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(sb.Set("data", map[string]any{
		"list": []any{1, 2}, "map": &jsvm.JSMap{Keys: []any{"k"}, Values: []any{1}}, "when": time.Unix(0, 0),
		"re": &jsvm.JSRegExp{Source: "a+", Flags: "g"}, "bytes": []byte{1, 2}, "err": errors.New("host error"),
	}))
	must(sb.Export("log", func(args []any) (any, error) {
		check(args)
		if len(args) > 0 {
			return args[0], nil
		}
		return nil, nil
	}))
	must(sb.Export("fail", func(args []any) (any, error) { check(args); return nil, errors.New("host failure") }))
	must(sb.ExportAsync("fetchIt", func(ctx context.Context, args []any) (any, error) {
		check(args)
		if len(args) > 0 && args[0] == "fail" {
			return nil, errors.New("async host failure")
		}
		return map[string]any{"got": args}, nil
	}))
	return sb, &leaks
}

// TestSandboxCorpus runs the attack corpus against the Go API. Each
// verdict is the host's: markers the attack could only reach through a
// host capability (the real environment, a file, another tenant, a
// plain jsvm context of the same process), the purity of every value
// that came out, and the fingerprint of a later run and of another
// sandbox.
func TestSandboxCorpus(t *testing.T) { testSandboxCorpus(t, false) }

// TestSandboxCorpusProcess runs the corpus against sandboxes in worker
// processes (and the resource attacks that are fatal to a process).
func TestSandboxCorpusProcess(t *testing.T) { testSandboxCorpus(t, true) }

func testSandboxCorpus(t *testing.T, process bool) {
	if testing.Short() {
		t.Skip("the corpus takes ~30-60 s (it runs in the full suite)")
	}
	attacks, err := corpus.Load("testdata/sandbox-attacks")
	if err != nil || len(attacks) < 50 {
		t.Fatalf("corpus: %d attacks, %v", len(attacks), err)
	}
	escapeFile := filepath.Join(t.TempDir(), "escaped")
	t.Setenv("JSVM_ESCAPE_FILE", escapeFile)
	os.Unsetenv("JSVM_ESCAPED")

	ctx := context.Background()
	// another tenant, and a plain context of the same process
	victim := newSandbox(t, jsvm.SandboxOptions{Timeout: 5 * time.Second, Process: process})
	if _, err := victim.Run(ctx, "globalThis.secret = 's3cret'"); err != nil {
		t.Fatal(err)
	}
	fresh := newSandbox(t, jsvm.SandboxOptions{Process: process})
	wantFP, err := fresh.Run(ctx, corpus.Fingerprint)
	if err != nil {
		t.Fatal(err)
	}
	wantTenant, _ := fresh.Run(ctx, corpus.TenantProbe)
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	hostCtx, err := iso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hostFP := func() string {
		v, err := hostCtx.Run(ctx, `[typeof __escaped, typeof Object.prototype.__escaped, Object.keys(Object.prototype).length, typeof process].join()`, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return v.String()
	}
	wantHost := hostFP()

	var escaped, contained int
	for _, a := range attacks {
		if a.ProcessOnly && !process {
			continue
		}
		t.Run(a.Name, func(t *testing.T) {
			sb, leaks := attackSandbox(t, a.Resource, process)
			defer sb.Close()
			run := sb.Run
			if a.Async {
				run = sb.RunAsync
			}
			v, runErr := run(ctx, a.Code)
			var why []string
			if runErr == nil {
				if err := pureGo(v, map[uintptr]bool{}); err != nil {
					why = append(why, err.Error())
				}
			}
			var te *jsvm.ThrownError
			if errors.As(runErr, &te) {
				if err := pureGo(te.Value, map[uintptr]bool{}); err != nil {
					why = append(why, err.Error())
				}
			}
			for _, l := range *leaks {
				why = append(why, l.Error())
			}
			if os.Getenv("JSVM_ESCAPED") != "" {
				why = append(why, "the host's environment was changed")
			}
			if _, err := os.Stat(escapeFile); err == nil {
				why = append(why, "a host file was written")
			}
			if got := hostFP(); got != wantHost {
				why = append(why, "a plain context of the host changed: "+got)
			}
			if got, err := victim.Run(ctx, corpus.TenantProbe); err != nil || got != wantTenant {
				why = append(why, fmt.Sprintf("another tenant changed: %v %v", got, err))
			}
			if !sb.Disposed() {
				if got, err := sb.Run(ctx, corpus.Fingerprint); err != nil || got != wantFP {
					why = append(why, fmt.Sprintf("the attacked sandbox's next run is poisoned: %v %v", got, err))
				}
			}
			if a.Resource && runErr == nil {
				why = append(why, fmt.Sprintf("the resource attack ended without an error (value %.80v)", fmt.Sprint(v)))
			}
			if len(why) > 0 {
				escaped++
				t.Errorf("ESCAPED (%s): %v", a.Source, why)
				return
			}
			contained++
			t.Logf("CONTAINED (%s): %.160v", a.Source, outcome(v, runErr))
		})
	}
	// the control: the same attack in a plain jsvm context (not a
	// security boundary) must be seen as an escape by the same marker
	ctlIso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	ctl, err := ctlIso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range attacks {
		if a.Name == "e01-this-constructor" {
			_, _ = ctl.Run(ctx, a.Code, jsvm.RunOptions{})
		}
	}
	if v, err := ctlIso.MainContext().Run(ctx, "typeof __escaped", jsvm.RunOptions{}); err != nil || v.String() != "boolean" {
		t.Errorf("the control attack on a plain context was not seen: %v %v", v, err)
	}
	// the host is alive and sandboxes still work
	if v, err := fresh.Run(ctx, "[1, 2, 3].length"); err != nil || v != 3.0 {
		t.Fatalf("after the corpus: %v %v", v, err)
	}
	t.Logf("Go API corpus (process: %v): %d CONTAINED, %d ESCAPED of %d", process, contained, escaped, contained+escaped)
}

func outcome(v any, err error) string {
	if err != nil {
		var le *jsvm.SandboxLimitError
		var ie *jsvm.InterruptedError
		switch {
		case errors.As(err, &le):
			return le.Code + ": " + le.Message
		case errors.As(err, &ie):
			return ie.Code
		}
		return fmt.Sprintf("%T: %v", err, err)
	}
	return fmt.Sprint(v)
}
