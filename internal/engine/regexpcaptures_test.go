package engine

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestTooManyCaptures: V8's limit, node v20 (new RegExp(p): "Too many
// captures" or not).
func TestTooManyCaptures(t *testing.T) {
	g := strings.Repeat("()", MaxCaptures)
	for p, want := range map[string]bool{
		g:                          false,
		g + "()":                   true,
		"(?:x)" + g:                false,
		"(?<a>x)" + g:              true,
		"(?<=x)(?<!y)" + g:         false,
		"[(]" + g:                  false,
		`\(` + g:                   false,
		"[" + g + "]()":            false,
		strings.Repeat("(", 1e6):   true,
		strings.Repeat("(?:", 1e6): false,
	} {
		if got := TooManyCaptures(p); got != want {
			t.Errorf("%.20s... (%d bytes): %v, want %v", p, len(p), got, want)
		}
	}
	src := "var r = /" + g + "()/g;"
	r := ScanNesting(src, V8StackBudget)
	if r.Problem != NestingCaptures || r.Offset != 8 || !strings.HasSuffix(r.Label, "()/g: Too many captures") {
		t.Errorf("literal: %v %d %.40s", r.Problem, r.Offset, r.Label)
	}
	if r := ScanNesting("var r = /"+g+"/g;", V8StackBudget); r.Problem != NestingOK {
		t.Errorf("literal at the limit: %v", r.Problem)
	}
}

// TestRegExpCtorCaptures: the constructor's hook refuses at once.
func TestRegExpCtorCaptures(t *testing.T) {
	Prepare()
	rt := sobek.New()
	ctor, _ := rt.Get("RegExp").(*sobek.Object)
	if !HookRegExpConstructor(rt, ctor, func(r *sobek.Object, _ []string, _ string) *sobek.Object { return r }) {
		t.Fatal("not hooked")
	}
	v, err := rt.RunString(`var out = []; for (const f of [() => new RegExp('('.repeat(1e6), 'g'), () => RegExp('()'.repeat(32768)), () => new RegExp('()'.repeat(32768), 'gg')]) {
		try { f(); out.push('ok') } catch (e) { out.push(e.name + ': ' + e.message.slice(-22)) } } out.join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	// node v20: the flags are checked first
	if got, want := v.String(), "SyntaxError: (/g: Too many captures|SyntaxError: ()/: Too many captures|SyntaxError: egExp constructor 'gg'"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
}
