package engine

// NestingExceeds reports whether src nests brackets ( [ { deeper than max.
// sobek's parser and compiler recurse on the Go stack once per level, and
// Go's stack exhaustion is fatal, so every source handed to the parser is
// scanned first (core.CheckNesting for contexts, the sandbox's compile).
// Quoted strings and comments are skipped; template and regex literal text
// is counted, which can only over-estimate; a closer never takes the depth
// below zero.
func NestingExceeds(src string, max int) bool {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '(', '[', '{':
			depth++
			if depth > max {
				return true
			}
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		case '"', '\'':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				i += 2
				for i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/') {
					i++
				}
				i++
			}
		}
	}
	return false
}
