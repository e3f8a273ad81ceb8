package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// recordingTracker is an AsyncContextTracker whose context is a global
// variable `ctx` of the runtime.
type recordingTracker struct {
	rt    *sobek.Runtime
	saved sobek.Value
}

func (t *recordingTracker) Grab() any { return t.rt.Get("ctx") }
func (t *recordingTracker) Resumed(v any) {
	t.saved = t.rt.Get("ctx")
	_ = t.rt.Set("ctx", v)
}
func (t *recordingTracker) Exited() { _ = t.rt.Set("ctx", t.saved) }

// TestSobekAsyncContextTracker pins what node/async_hooks relies on for
// AsyncLocalStorage: the tracker brackets the continuation of an await
// and then() callbacks, and it does NOT bracket the job that calls a
// thenable's then (NewPromiseResolveThenableJob), so `await thenable`'s
// then() runs in whatever context the job queue has (node sees the
// awaiting context there: a known difference of node/async_hooks).
func TestSobekAsyncContextTracker(t *testing.T) {
	rt := sobek.New()
	rt.SetAsyncContextTracker(&recordingTracker{rt: rt})
	_, err := rt.RunString(`
		var ctx = 'top', seen = [];
		(async () => { ctx = 'a'; await null; seen.push('await ' + ctx); })();
		ctx = 'b';
		Promise.resolve().then(() => seen.push('then ' + ctx));
		ctx = 'c';
		(async () => { await { then(r) { seen.push('thenable ' + ctx); r(); } }; })();
		ctx = 'after';
	`)
	if err != nil {
		t.Fatal(err)
	}
	got := rt.Get("seen").String()
	if got != "await a,then b,thenable after" {
		t.Errorf("sobek's async context tracker changed: seen %q; want \"await a,then b,thenable after\" "+
			"(if the thenable job now sees c, drop the thenable known difference in node/async_hooks)", got)
	}
}
