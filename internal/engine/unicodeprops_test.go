package engine

import (
	"encoding/binary"
	"hash/fnv"
	"testing"

	"github.com/grafana/sobek"
)

// TestPropertiesMatchV8: every property expression V8 accepts expands to
// V8's code points (v8Fingerprints, recorded from node by
// gen/unicodeprops: the number of ranges and their FNV-1a hash), and
// the ones it refuses are refused. It fails when Go's Unicode tables move
// to another version than node's ICU.
func TestPropertiesMatchV8(t *testing.T) {
	for name, want := range v8Fingerprints {
		rs, ok := propertyRanges(name)
		if !ok {
			t.Errorf("%s: not expanded", name)
			continue
		}
		h := fnv.New32a()
		var b [4]byte
		for _, r := range rs {
			for _, v := range r {
				binary.LittleEndian.PutUint32(b[:], uint32(v))
				h.Write(b[:])
			}
		}
		if got := [2]uint32{uint32(len(rs)), h.Sum32()}; got != want {
			t.Errorf("%s: %d ranges (fingerprint %d), V8 %d (%d)", name, got[0], got[1], want[0], want[1])
		}
	}
	for _, name := range []string{"Foo", "Hyphen", "Other_Alphabetic", "lu", "Script=Foo", "gc=Latin", "ID_Start=Yes", " Lu", "RGI_Emoji", "Basic_Emoji", "Prepended_Concatenation_Mark"} {
		if _, ok := propertyRanges(name); ok {
			t.Errorf("%s: V8 refuses it", name)
		}
	}
	for _, name := range []string{"sc=Latn", "scx=Grek", "Script_Extensions=Latin", "Letter", "digit", "Emoji", "XIDS", "Any", "ASCII", "Assigned", "space"} {
		if _, ok := propertyRanges(name); !ok {
			t.Errorf("%s: V8 takes it", name)
		}
	}
	rt := sobek.New()
	for _, c := range [...]struct{ p, s string }{{`\p{Emoji_Presentation}`, "\U0001F600"}, {`\p{XID_Start}`, "\u00fc"}, {`[^\P{sc=Grek}]`, "\u03b1"}, {`\p{Extended_Pictographic}`, "\u00a9"}} {
		out, bad := expandProperties(c.p)
		if bad != "" {
			t.Fatalf("%s: %s", c.p, bad)
		}
		re, err := rt.New(rt.Get("RegExp"), rt.ToValue("^(?:"+out+")$"), rt.ToValue("u"))
		if err != nil {
			t.Fatal(err)
		}
		if m, _ := sobek.AssertFunction(re.Get("test")); m != nil {
			if r, err := m(re, rt.ToValue(c.s)); err != nil || !r.ToBoolean() {
				t.Errorf("%s does not match %q (%v)", c.p, c.s, err)
			}
		}
	}
}
