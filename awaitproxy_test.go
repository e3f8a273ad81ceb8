package jsvm_test

import (
	"context"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// TestAwaitThrowingProxyUnparsed: an await of a Proxy whose get trap
// throws, in code sobek parses itself (eval, indirect eval, the Function
// constructors, a with body), rejects the await as in V8 (node v20's
// answers) instead of escaping the async function or corrupting the VM.
func TestAwaitThrowingProxyUnparsed(t *testing.T) {
	cases := map[string]string{
		`eval("(async () => { try { await p } catch (e) { return 'caught ' + e } })()")`:                                       "caught 1",
		`(0, eval)("(async () => { try { await globalThis.p } catch (e) { return 'indirect ' + e } })()")`:                     "indirect 1",
		`new (async function () {}).constructor('p', 'try { await p } catch (e) { return "c" + e }')(p)`:                       "c1",
		`Function('p', 'return (async () => { try { await p } catch (e) { return "f" + e } })()')(p)`:                          "f1",
		`with ({}) { (async () => { try { await p } catch (e) { return 'w' + e } })() }`:                                       "w1",
		`eval("(async () => { await null; try { await p } catch (e) { return 'later ' + e } })()")`:                            "later 1",
		`eval("(async () => { try { await Promise.all([(async () => { await p })()]) } catch (e) { return 'all ' + e } })()")`: "all 1",
		`eval("(async () => await p)()").catch(e => 'rejected ' + e)`:                                                          "rejected 1",
		`eval("(async () => { try { await Object.create(p) } catch (e) { return 'proto ' + e } })()")`:                         "proto 1",
		`(async () => {})().constructor.resolve(p).catch(e => 'resolve ' + e)`:                                                 "resolve 1",
		// V8 reads only `then` of an awaited Proxy
		`var reads = []; var tp = new Proxy({}, { get(t, k) { reads.push(String(k)) } }); eval("(async () => (await tp) === tp && reads.join())()")`: "then",
		// an explicit read of constructor still runs the trap
		`eval("(async () => { try { p.constructor } catch (e) { return 'explicit ' + e } })()")`: "explicit 1",
	}
	ctx := context.Background()
	for code, want := range cases {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c, err := iso.NewContext(nil, jsvm.ContextOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Run(ctx, `var p = new Proxy({}, { get() { throw 1 } })`, jsvm.RunOptions{}); err != nil {
			t.Fatal(err)
		}
		v, err := c.Run(ctx, code, jsvm.RunOptions{})
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		r, err := v.Await(ctx)
		if err != nil {
			t.Errorf("%s: rejected %v, want %q", code, err, want)
			continue
		}
		if got := r.String(); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
		// the VM is sound afterwards
		if v, err := c.Run(ctx, `[1, 2, 3].map(x => x * 2).join()`, jsvm.RunOptions{}); err != nil || v.String() != "2,4,6" {
			t.Errorf("%s: afterwards %v %v", code, v, err)
		}
	}
}
