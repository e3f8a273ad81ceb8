package engine

import "strings"

// A pattern with more capturing groups than V8 takes is V8's SyntaxError
// "Invalid regular expression: /.../: Too many captures". sobek hands such
// a pattern to Go's regexp parser first, whose nesting check is quadratic
// in the depth before it gives up (10^6 nested groups: 1.5 s to refuse,
// with re2's words); the count below is one pass. Literals are counted by
// the nesting scan (ScanNesting, NestingCaptures), patterns built at run
// time by the RegExp constructor's hook (regexpctor.go).

// MaxCaptures is V8's most capturing groups in one pattern (node v20).
const MaxCaptures = 1<<15 - 1

// TooManyCaptures reports whether pattern has more than MaxCaptures
// capturing groups: `(` not followed by `?`, and named groups `(?<name>`,
// outside character classes and escapes.
func TooManyCaptures(pattern string) bool {
	if strings.Count(pattern, "(") <= MaxCaptures {
		return false
	}
	n := 0
	inClass := false
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '(':
			if inClass {
				continue
			}
			if i+1 < len(pattern) && pattern[i+1] == '?' {
				// (?<name> captures, (?<= and (?<! do not
				if !(i+3 < len(pattern) && pattern[i+2] == '<' && pattern[i+3] != '=' && pattern[i+3] != '!') {
					continue
				}
			}
			if n++; n > MaxCaptures {
				return true
			}
		}
	}
	return false
}

// TooManyCapturesMessage is V8's message for such a pattern.
func TooManyCapturesMessage(pattern, flags string) string {
	return "Invalid regular expression: /" + pattern + "/" + flags + ": Too many captures"
}
