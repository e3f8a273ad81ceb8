package codecache

import (
	"bytes"
	"errors"
	"runtime"
	"testing"

	"github.com/grafana/sobek"
)

const engine = "test/1"

func TestRoundTrip(t *testing.T) {
	key := Key{Kind: KindScript, Source: "1 + 1"}
	b := Encode(engine, key, []byte("pl"))
	d, err := Check(b, engine, key)
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != KindScript || string(d.Payload) != "pl" || d.Engine != engine {
		t.Fatalf("bad decode %+v", d)
	}
}

func TestRejects(t *testing.T) {
	key := Key{Kind: KindFunction, Params: []string{"a"}, Source: "return a"}
	good := Encode(engine, key, nil)
	flip := append([]byte(nil), good...)
	flip[len(flip)/2] ^= 1
	cases := []struct {
		name string
		b    []byte
		key  Key
		eng  string
		want error
	}{
		{"other source", good, Key{Kind: KindFunction, Params: []string{"a"}, Source: "return b"}, engine, ErrMismatch},
		{"other params", good, Key{Kind: KindFunction, Params: []string{"a", "b"}, Source: "return a"}, engine, ErrMismatch},
		{"params vs source split", good, Key{Kind: KindFunction, Params: []string{"ar"}, Source: "eturn a"}, engine, ErrMismatch},
		{"other kind", good, Key{Kind: KindScript, Source: "return a"}, engine, ErrMismatch},
		{"other engine", good, key, "test/2", ErrEngine},
		{"truncated", good[:len(good)-1], key, engine, ErrTruncated},
		{"short", good[:5], key, engine, ErrTruncated},
		{"empty", nil, key, engine, ErrTruncated},
		{"random", []byte("not a cache at all, just some bytes here....................."), key, engine, ErrMagic},
		{"bit flip", flip, key, engine, ErrChecksum},
		{"version", append(append([]byte(magic), 9), good[len(magic)+1:]...), key, engine, ErrVersion},
		{"extra byte", append(append([]byte(nil), good...), 0), key, engine, nil},
	}
	for _, c := range cases {
		_, err := Check(c.b, c.eng, c.key)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	key := Key{Kind: KindScript, Source: "x"}
	good := Encode(engine, key, []byte{1, 2, 3})
	f.Add(good)
	f.Add(good[:len(good)-3])
	f.Add([]byte(magic))
	f.Add(append([]byte(magic), 1))
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xff}, 64))
	big := append([]byte(nil), good[:len(good)-4]...)
	big = append(big[:len(big)-4], 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)
	f.Add(big)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Decode(b)
		if err != nil {
			if d != nil {
				t.Fatal("data with error")
			}
			return
		}
		if len(d.Engine) > 255 || d.Version != FormatVersion {
			t.Fatalf("bad data %+v", d)
		}
		// Accepted bytes are bound to their key: other code is rejected.
		other := Key{Kind: d.Kind, Source: "definitely other"}
		if _, err := Check(b, d.Engine, other); err == nil && d.Sum != other.Sum() {
			t.Fatal("accepted for other code")
		}
	})
}

func TestPrograms(t *testing.T) {
	var ps Programs
	p := sobek.MustCompile("a.js", "1", false)
	k := ProgramKey{Sum: Key{Kind: KindScript, Source: "1"}.Sum(), Options: "a.js:0:0"}
	ps.Put(k, p)
	if ps.Get(k) != p {
		t.Fatal("lost live program")
	}
	if ps.Get(ProgramKey{Sum: k.Sum, Options: "b.js:0:0"}) != nil {
		t.Fatal("found program for other options")
	}
	runtime.KeepAlive(p)
}
