package jslex

import (
	"fmt"
	"testing"
)

func TestHTMLComments(t *testing.T) {
	for src, want := range map[string]string{
		"1 <!-- x\n+2":             "[[2 8]]",
		"a\n--> c\nb":              "[[2 7]]",
		"-->x":                     "[[0 4]]",
		"x-->0":                    "[]",
		"'<!--' + `-->\n-->`":      "[]",
		"/<!--/.test(s)":           "[]",
		"// <!--\n/* x\n*/ --> y":  "[[16 21]]",
		"x = 1 /* a */ --> 2":      "[]",
		"a\n  <!-- it's\nb = '\"'": "[[4 13]]",
		"a;\u2028--> x\u2029y":     "[[5 10]]",
	} {
		if got := fmt.Sprint(HTMLComments(src)); got != want {
			t.Errorf("HTMLComments(%q) = %s, want %s", src, got, want)
		}
	}
}
