package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestSobekCaller is the pure-sobek reproducer for SobekCaller: the names
// of sobek's own Go functions that core and stack look for on the stack
// (a trap of a Go Proxy asked by Object.preventExtensions or by
// Reflect.preventExtensions; sobek's errors made while it checks a JS
// Proxy's getPrototypeOf and ownKeys results, or a trap that is not
// callable; Promise.all called on a primitive). If sobek renames them,
// this fails and the messages fall back to sobek's words.
func TestSobekCaller(t *testing.T) {
	rt := sobek.New()
	var asked []string
	p := rt.NewProxy(rt.NewObject(), &sobek.ProxyTrapConfig{
		PreventExtensions: func(*sobek.Object) bool {
			asked = append(asked, SobekCaller("(*Runtime).object_preventExtensions", "(*Runtime).builtin_reflect_preventExtensions"))
			return false
		},
	})
	_ = rt.Set("p", p)
	if _, err := rt.RunString(`Reflect.preventExtensions(p); try { Object.preventExtensions(p) } catch (e) {}`); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 2 || asked[0] != "(*Runtime).builtin_reflect_preventExtensions" || asked[1] != "(*Runtime).object_preventExtensions" {
		t.Fatalf("preventExtensions trap saw callers %q", asked)
	}

	// errors sobek makes: which of its functions made them
	var makers []string
	names := []string{"(*proxyObject).proto", "(*jsProxyHandler).ownKeys", "(*Runtime).promise_all", "(*Runtime).newPromiseCapability"}
	ok := HookErrorConstructors(rt, []string{"TypeError"}, func(name string) *sobek.Object { return Intrinsic(rt, name) },
		func(o *sobek.Object, args []sobek.Value, site func() *ErrorSite) {
			makers = append(makers, SobekCaller(names...)+"|"+SobekCallerFunc(func(fn string) bool { return fn == "(*jsProxyHandler).getStr" }))
		})
	if !ok {
		t.Fatal("HookErrorConstructors reported false")
	}
	if _, err := rt.RunString(`
		for (const f of [
			() => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 })),
			() => Object.keys(new Proxy({}, { ownKeys: () => 1 })),
			() => Promise.all.call(5),
			() => Promise.all.call(function () {}),
			() => new Proxy({}, { get: 5 }).x,
			() => null.x,
		]) try { f() } catch (e) {}`); err != nil {
		t.Fatal(err)
	}
	want := []string{"(*proxyObject).proto|", "(*jsProxyHandler).ownKeys|", "(*Runtime).promise_all|", "(*Runtime).newPromiseCapability|", "|(*jsProxyHandler).getStr", "|"}
	if len(makers) != len(want) {
		t.Fatalf("errors made by %q, want %q", makers, want)
	}
	for i := range want {
		if makers[i] != want[i] {
			t.Errorf("error %d made by %q, want %q", i, makers[i], want[i])
		}
	}
}
