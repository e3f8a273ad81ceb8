package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestSobekFixedLengthBuffers: sobek's ArrayBuffer takes no
// maxByteLength and has no resize. Workaround: resizable.go (and
// core/resizable.go) make resizable buffers over sobek's fixed ones.
func TestSobekFixedLengthBuffers(t *testing.T) {
	v, err := runSobek(t, `var b = new ArrayBuffer(8, { maxByteLength: 16 }); [typeof b.resize, typeof b.resizable, typeof b.maxByteLength, b.byteLength].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "undefined,undefined,undefined,8" {
		t.Errorf("sobek's ArrayBuffer now has %s (resize, resizable, maxByteLength, byteLength): resizable.go's fields rewriting can go", got)
	}
}

// TestResizableLayout: the fields resizable.go rewrites are where it
// expects them, and a resize seen through sobek's own builtins behaves
// as the spec's (length-tracking, fixed in and out of bounds, DataView,
// the buffer getters, growth past the first allocation).
func TestResizableLayout(t *testing.T) {
	if !ResizableReady() {
		t.Fatal("sobek's buffer layout changed: resizable ArrayBuffers are off (resizable.go)")
	}
	rt := sobek.New()
	b := rt.ToValue(rt.NewArrayBuffer(make([]byte, 4))).(*sobek.Object)
	if !MakeResizable(b, 64) {
		t.Fatal("MakeResizable refused a buffer")
	}
	_ = rt.Set("b", b)
	_ = rt.Set("track", func(view, buf *sobek.Object, tracking bool) { TrackView(rt, view, buf, tracking) })
	_ = rt.Set("resize", func(n int) int { return int(Resize(b, n, func(int) bool { return true })) })
	v, err := rt.RunString(`
		var u = new Uint8Array(b); track(u, b, true);
		var f = new Uint16Array(b, 2, 1); track(f, b, false);
		var d = new DataView(b, 1); track(d, b, true);
		u.set([1, 2, 3, 4]);
		var out = [];
		resize(40); u[39] = 9;
		out.push(u.length, f.length, d.byteLength, u[3], u[39]);
		resize(3);
		out.push(u.length, f.length, f.byteOffset, f.buffer === b, f[0], d.byteLength, d.getUint8(1));
		try { f.fill(1); out.push('no throw'); } catch (e) { out.push(e.name); }
		resize(0);
		try { d.getUint8(0); out.push('no throw'); } catch (e) { out.push(e.name); }
		out.push(d.buffer === b);
		resize(8);
		out.push(u.length, f.length, f.byteOffset, f[0], u[3], d.byteLength, resize(65));
		out.join()`)
	if err != nil {
		t.Fatal(err)
	}
	want := "40,1,39,4,9,3,0,0,true,,2,3,TypeError,TypeError,true,8,1,2,0,0,7,3"
	if got := v.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
