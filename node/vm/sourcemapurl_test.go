package vm

import "testing"

// Cases checked against node v20's script.sourceMapURL.
func TestSourceMapURL(t *testing.T) {
	cases := []struct {
		src  string
		want any // string, or nil for undefined
	}{
		{"function f() {}\n", nil},
		{"function f() {}\n// sourceMappingURL=a.json\n", nil},
		{"function f() {}\n//# sourceMappingURL=a.json\n", "a.json"},
		{"//# sourceMappingURL=a.json\nvar x = 1;", "a.json"},
		{"//@ sourceMappingURL=old.map", "old.map"},
		{"//#sourceMappingURL=a.json", nil},
		{"//#  sourceMappingURL=a.json", nil},
		{"//# sourceMappingURL= a.json\t ", "a.json"},
		{"//#\tsourceMappingURL=a.json", "a.json"},
		{"x\n  //# sourceMappingURL=ind.map", "ind.map"},
		{"//# sourceMappingURL=a.json b", nil},
		{"//# sourceMappingURL=a.json\n//# sourceMappingURL=b.json", "b.json"},
		{"var s = '//# sourceMappingURL=a.json';", nil},
		{"var s = `${1}//# sourceMappingURL=a.json`;", nil},
		{"var r = /\\/\\/# sourceMappingURL=a.json/;", nil},
		{"var x = 4 / 2; //# sourceMappingURL=c.map", "c.map"},
		{"/* //# sourceMappingURL=a.json */", nil},
		{"//# sourceMappingURL=", nil},
		{"//# sourceMappingURL='a'", "'a'"},
	}
	for _, c := range cases {
		got, ok := sourceMapURL(c.src)
		var g any
		if ok {
			g = got
		}
		if g != c.want {
			t.Errorf("sourceMapURL(%q) = %v, want %v", c.src, g, c.want)
		}
	}
}
