package vm

import "strings"

// sourceMapURL returns the URL of the last `//# sourceMappingURL=` (or
// `//@ ...`) magic comment of a script, as V8's scanner records it for
// script.sourceMapURL. Code without the word pays one strings.Contains.
//
// The scan skips strings, template literals and regular expression
// literals so that the words inside them are not taken for a comment; a
// `/` is a regular expression where an expression may start (after an
// operator or punctuator, or a keyword such as return), a division
// otherwise.
func sourceMapURL(src string) (string, bool) {
	if !strings.Contains(src, "sourceMappingURL") {
		return "", false
	}
	url, found := "", false
	prev := byte(0)   // last significant character outside comments
	prevWord := ""    // the identifier or keyword it ended, if any
	var braces []bool // per open brace: whether it opened a template substitution
	i, n := 0, len(src)
	for i < n {
		c := src[i]
		switch {
		case c == '/' && i+1 < n && src[i+1] == '/':
			end := strings.IndexAny(src[i:], "\n\r\u2028")
			if end < 0 {
				end = n
			} else {
				end += i
			}
			if u, ok := magicComment(src[i+2 : end]); ok {
				url, found = u, true
			}
			i = end
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return url, found
			}
			i += end + 4
			continue
		case c == '\'' || c == '"':
			i = skipQuoted(src, i)
			prev, prevWord = c, ""
			continue
		case c == '`':
			i = skipTemplate(src, i+1, &braces)
			prev, prevWord = '`', ""
			continue
		case c == '}' && len(braces) > 0 && braces[len(braces)-1]:
			braces = braces[:len(braces)-1]
			i = skipTemplate(src, i+1, &braces)
			prev, prevWord = '`', ""
			continue
		case c == '{':
			braces = append(braces, false)
		case c == '}':
			if len(braces) > 0 {
				braces = braces[:len(braces)-1]
			}
		case c == '/' && regexAllowed(prev, prevWord):
			i = skipRegExp(src, i+1)
			prev, prevWord = '/', ""
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		}
		if isIdentByte(c) {
			j := i
			for j < n && isIdentByte(src[j]) {
				j++
			}
			prev, prevWord = src[j-1], src[i:j]
			i = j
			continue
		}
		prev, prevWord = c, ""
		i++
	}
	return url, found
}

// magicComment parses the text after `//`: `#` or `@`, one space or tab,
// `sourceMappingURL=`, the URL (not empty; leading blanks skipped),
// nothing but blanks after it — as V8 (probed on node v20).
func magicComment(s string) (string, bool) {
	if len(s) < 2 || (s[0] != '#' && s[0] != '@') || (s[1] != ' ' && s[1] != '\t') {
		return "", false
	}
	rest, ok := strings.CutPrefix(s[2:], "sourceMappingURL=")
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	end := strings.IndexAny(rest, " \t")
	url := rest
	if end >= 0 {
		url = rest[:end]
		if strings.TrimLeft(rest[end:], " \t") != "" {
			return "", false
		}
	}
	return url, url != ""
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// regexAllowed reports whether a `/` after prev starts a regular
// expression literal.
func regexAllowed(prev byte, word string) bool {
	switch word {
	case "":
	case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
		return true
	default:
		return false
	}
	switch prev {
	case ')', ']', '}', '`', '\'', '"', '/':
		return false
	}
	return true
}

func skipQuoted(src string, i int) int {
	q := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case q, '\n':
			return i + 1
		}
	}
	return i
}

// skipTemplate skips template characters from i up to the closing
// backquote, or into a substitution (pushing its brace).
func skipTemplate(src string, i int, braces *[]bool) int {
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '`':
			return i + 1
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				*braces = append(*braces, true)
				return i + 2
			}
		}
	}
	return i
}

func skipRegExp(src string, i int) int {
	class := false
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				i++
				for i < len(src) && isIdentByte(src[i]) {
					i++
				}
				return i
			}
		case '\n':
			return i
		}
	}
	return i
}
