package host

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPrimordialNamesKnown checks that every primordial an embedded
// builtin's source calls (ObjectKeys(, MethodPush(, SafeIterable(...) is
// one Embedded binds: a name missing from primordialPaths or methodNames
// would be a ReferenceError on the first call, in a path tests may not
// reach.
func TestPrimordialNamesKnown(t *testing.T) {
	files, _ := filepath.Glob("../*/*.js")
	if len(files) < 20 {
		t.Fatalf("found %d sources", len(files))
	}
	call := regexp.MustCompile(`\b(SafeIterable|Method[A-Z]\w*|(?:Array|ArrayBuffer|Object|Reflect|JSON|Math|Number|String|Symbol|Promise|Date|Function|Error|Uint8Array|WeakMap|WeakSet|Map|Set)(?:Prototype)?[A-Z]\w*)\(`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			name := m[1]
			if _, ok := primordialIndex[name]; ok || isIntrinsicGlobal(name) {
				continue
			}
			if regexp.MustCompile(`(function\s+|(const|let|var)\s+(\{[^}]*)?)\b` + name + `\b`).Match(src) {
				continue // the file's own
			}
			t.Errorf("%s calls %s, which is no primordial", f, name)
		}
	}
}

func isIntrinsicGlobal(name string) bool {
	for _, g := range intrinsicGlobals {
		if g == name {
			return true
		}
	}
	return false
}
