package engine

import (
	"strings"

	"github.com/jsvm-dev/jsvm/internal/jslex"
)

// sobek parses no Annex B HTML-like comments (B.1.1): `<!--` anywhere a
// token may begin, and `-->` first on a line, each comment to the end of
// the line, in scripts (eval code and Function bodies included), never in
// modules. BlankHTMLComments turns them into spaces before sobek reads a
// script (line terminators kept, so every position stays where it was;
// a comment runs to its line's end, so no later column moves).
// TestSobekHTMLComments fails when sobek parses them itself.

// BlankHTMLComments returns script src with its HTML-like comments
// blanked, or src itself when it has none. Cheap unless src holds `<!--`
// or a line starting with `-->`.
func BlankHTMLComments(src string) string {
	if !htmlCommentHint(src) {
		return src
	}
	cs := jslex.HTMLComments(src)
	if len(cs) == 0 {
		return src
	}
	b := []byte(src)
	for _, c := range cs {
		for i := c[0]; i < c[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// htmlCommentHint: src holds `<!--`, or `-->` after only white space
// (or the end of a comment) on its line.
func htmlCommentHint(src string) bool {
	if strings.Contains(src, "<!--") {
		return true
	}
	for i := strings.Index(src, "-->"); i >= 0; {
		j := i - 1
		for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
			j--
		}
		if j < 0 || src[j] == '\n' || src[j] == '\r' || src[j] == '/' || src[j] >= 0x80 {
			return true
		}
		k := strings.Index(src[i+3:], "-->")
		if k < 0 {
			break
		}
		i += 3 + k
	}
	return false
}
