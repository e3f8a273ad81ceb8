package jsvm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// TestGoAPIEngineWords: the Go API's errors carry the same V8 words as
// the vm module (node/vm/testdata/gen_errwords.js records node's): JSON.parse,
// the in/instanceof/new operators, Proxy trap results, Promise receivers,
// uncaught in code that has no catch (but `in`: README's Known limits).
func TestGoAPIEngineWords(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	for src, want := range map[string]string{
		`JSON.parse('{"a":}')`: `Unexpected token '}', "{"a":}" is not valid JSON`,
		`JSON.parse('{"a":1')`: `Expected ',' or '}' after property value in JSON at position 6`,
		`JSON.parse('[1]x')`:   `Unexpected non-whitespace character after JSON at position 3`,
		`var k = 'a', v = 5; try { k in v } catch (e) { throw e }`: `Cannot use 'in' operator to search for 'a' in 5`,
		`var v = {}; 1 instanceof v`:                               `Right-hand side of 'instanceof' is not callable`,
		`const X = 5; new X`:                                       `X is not a constructor`,
		`var a = {b: {}}; new a.b`:                                 `a.b is not a constructor`,
		`Promise.all.call(5)`:                                      `Promise.all called on non-object`,
		`Object.keys(new Proxy({}, {ownKeys: () => 1}))`:           `CreateListFromArrayLike called on non-object`,
		`String(Object.create(null))`:                              `Cannot convert object to primitive value`,
		`Object.preventExtensions(globalThis)`:                     `Cannot prevent extensions`,
	} {
		c, err := iso.NewContext(nil, jsvm.ContextOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Run(ctx, src, jsvm.RunOptions{})
		var je *jsvm.Error
		if !errors.As(err, &je) {
			t.Errorf("%s: %v, want a JS error", src, err)
			continue
		}
		if je.Message != want {
			t.Errorf("%s: %q, want %q", src, je.Message, want)
		}
	}
}
