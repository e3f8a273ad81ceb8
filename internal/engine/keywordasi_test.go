package engine

import (
	"testing"

	"github.com/grafana/sobek/parser"
)

// TestKeywordMemberASIStillNeeded fails loudly once sobek inserts the
// semicolon itself: KeywordMemberASI can then go.
func TestKeywordMemberASIStillNeeded(t *testing.T) {
	for w := range asiKeywords {
		if _, err := parser.ParseFile(nil, "", "var o = {}\nvar a = o."+w+"\nvar b = 2\n", 0); err == nil {
			t.Errorf("sobek now parses o.%s before a new line: drop it from asiKeywords (or KeywordMemberASI)", w)
		}
	}
}

func TestKeywordMemberASI(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"var a = o.default\nvar b = 2", "var a = o.default;\nvar b = 2"},
		{"a = o?.new // c\n  const b = 1", "a = o?.new; // c\n  const b = 1"},
		{"a = o.class /* x\n */ b()", "a = o.class; /* x\n */ b()"},
		{"a = o.if\n'x'", "a = o.if;\n'x'"},
		{"a = o.default\n.b", ""},           // continues
		{"a = o.default\n(1)", ""},          // a call
		{"a = o.default\n[0]", ""},          // a member
		{"a = o.default\n`t`", ""},          // a tagged template
		{"a = o.default\ninstanceof X", ""}, // an operator word
		{"a = o.default + 1\nvar b", ""},    // not at the line's end
		{"s = 'o.default\\\nvar b'", ""},    // in a string
		{"a = default_\nvar b", ""},         // no dot
		{"/* o.default\nvar */ x", ""},      // in a comment
		{"a = o.x.default\n!b", "a = o.x.default;\n!b"},
	} {
		got, ok := KeywordMemberASI(c.src)
		if c.want == "" {
			if ok || got != c.src {
				t.Errorf("%q: changed to %q", c.src, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
		if _, err := parser.ParseFile(nil, "", got, 0); err != nil {
			t.Errorf("%q: fixed text does not parse: %v", c.src, err)
		}
	}
}
