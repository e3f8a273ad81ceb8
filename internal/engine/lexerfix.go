package engine

import "strings"

// sobek's lexer miscounts a code point escape whose value is exactly
// U+10FFFF (`"\u{10FFFF}"`, `"\u{0010FFFF}"`, in strings, templates and
// regexps): its scan loop stops at the maximum before reading the closing
// brace, the literal's precomputed length is one short, and parsing panics
// ("unexpected unicode length") — a Go panic that valid code reaches, in
// vm entry points and in eval alike. FixCodePointEscapes rewrites such an
// escape to the surrogate pair escape `\uDBFF\uDFFF`, the same string in
// string literals, template cooked values and u-mode regexps (a template's
// raw text shows the pair; the line's later columns move by up to two).
// TestSobekMaxCodePointEscape fails when sobek stops panicking.
func FixCodePointEscapes(src string) string {
	i := strings.Index(src, `\u{`)
	if i < 0 {
		return src
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		end := maxCodePointEscapeEnd(src, i)
		if end > 0 {
			b.WriteString(src[last:i])
			b.WriteString(`\uDBFF\uDFFF`)
			last = end
		}
		next := strings.Index(src[i+3:], `\u{`)
		if next < 0 {
			break
		}
		i += 3 + next
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}

// maxCodePointEscapeEnd returns the end of the escape `\u{0*10FFFF}` at
// src[i:] when that backslash starts an escape (an even run of
// backslashes before it), else 0.
func maxCodePointEscapeEnd(src string, i int) int {
	n := 0
	for k := i - 1; k >= 0 && src[k] == '\\'; k-- {
		n++
	}
	if n%2 == 1 {
		return 0
	}
	j := i + 3
	for j < len(src) && src[j] == '0' {
		j++
	}
	const max = "10FFFF"
	if j+len(max) >= len(src) || !strings.EqualFold(src[j:j+len(max)], max) || src[j+len(max)] != '}' {
		return 0
	}
	return j + len(max) + 1
}
