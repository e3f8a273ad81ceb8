package url

import (
	"github.com/jsvm-dev/jsvm/internal/jstest"
	"testing"

	"github.com/jsvm-dev/jsvm/node/host"
)

func TestScripts(t *testing.T) {
	jstest.RunScripts(t, map[string]host.Loader{"url": Load})
}

func TestParse(t *testing.T) {
	for _, c := range [][3]string{
		{"http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"},
		{"../g", "http://a/b/c/d;p?q", "http://a/b/g"},
		{"//g", "http://a/b/c/d;p?q", "http://g/"},
		{"?y", "http://a/b/c/d;p?q", "http://a/b/c/d;p?y"},
		{"#s", "http://a/b/c/d;p?q", "http://a/b/c/d;p?q#s"},
		{"HTTP://EX.com:80/%7e", "", "http://ex.com/%7e"},
	} {
		got, ok := Parse(c[0], c[1])
		if !ok || got != c[2] {
			t.Errorf("Parse(%q, %q) = %q, %v; want %q", c[0], c[1], got, ok, c[2])
		}
	}
	if _, ok := Parse("foo", ""); ok {
		t.Error("relative without base parsed")
	}
}
