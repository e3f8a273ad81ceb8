package jsvm

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// TestRegexBound: a regular expression match past the engine's bound is
// RangeError [ERR_JSVM_REGEX_TIMEOUT] in every kind of realm (never a
// silent "no match"), catchable there; under a run's timeout the run ends
// as the timeout (Node's answer, after the bound rather than at the
// timeout). The bound is shortened to 50 ms for the test.
func TestRegexBound(t *testing.T) {
	defer engine.SetRegexBound(50 * time.Millisecond)()
	iso := NewIsolate(IsolateOptions{})
	main := iso.MainContext()
	ctxs := map[string]*Context{"main": main}
	for name, opts := range map[string]ContextOptions{"context": {}} {
		c, err := iso.NewContext(nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		ctxs[name] = c
	}
	bg := context.Background()
	for name, c := range ctxs {
		for _, code := range []string{
			`/^(a+)+\1?b$/.test('a'.repeat(40))`,
			`'a'.repeat(40).replace(/(a+)+\1?b/g, 'x')`,
			`'a'.repeat(40).match('^(a+)+\\1?b$')`,
			`eval('/(a+)+\\1?b/').exec('a'.repeat(40))`,
			`new Function('s', 'return s.split(/(a+)+\\1?b/)')('a'.repeat(40))`,
		} {
			_, err := c.Run(bg, code, RunOptions{})
			var je *Error
			if !errors.As(err, &je) || je.Name != "RangeError" {
				t.Errorf("%s: %s: %v, want the RangeError", name, code, err)
				continue
			}
			if v, _ := je.Value.Get(bg, "code"); v.String() != "ERR_JSVM_REGEX_TIMEOUT" {
				t.Errorf("%s: %s: code %v", name, code, v)
			}
			v, err := c.Run(bg, `try { `+code+` } catch (e) { e instanceof RangeError && e.code }`, RunOptions{})
			if err != nil || v.String() != "ERR_JSVM_REGEX_TIMEOUT" {
				t.Errorf("%s: caught %s: %v %v", name, code, v, err)
			}
			// under a timeout: the timeout, even when the code catches
			_, err = c.Run(bg, `try { `+code+` } catch (e) {} for (;;) {}`, RunOptions{Timeout: 10 * time.Millisecond})
			var ie *InterruptedError
			if !errors.As(err, &ie) || ie.Code != "ERR_SCRIPT_EXECUTION_TIMEOUT" {
				t.Errorf("%s: %s under a timeout: %v", name, code, err)
			}
			v, err = c.Run(bg, `/^(a+)+$/.test('aaaa') && 'ab'.replace(/b/, 'c')`, RunOptions{})
			if err != nil || v.String() != "ac" {
				t.Errorf("%s: after %s: %v %v", name, code, v, err)
			}
		}
	}
}
