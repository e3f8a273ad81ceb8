package util

import (
	"strings"
	"unicode/utf8"

	"github.com/grafana/sobek"
)

// styles are Node's inspect.styles mapped to inspect.colors (ANSI codes).
var styles = map[string][2]int{
	"special":   {36, 39}, // cyan
	"number":    {33, 39}, // yellow
	"bigint":    {33, 39}, // yellow
	"boolean":   {33, 39}, // yellow
	"undefined": {90, 39}, // grey
	"null":      {1, 22},  // bold
	"string":    {32, 39}, // green
	"symbol":    {32, 39}, // green
	"date":      {35, 39}, // magenta
	"regexp":    {31, 39}, // red
	"module":    {4, 24},  // underline
}

// colorCodes are util.inspect.colors.
var colorCodes = map[string][2]int{
	"reset": {0, 0}, "bold": {1, 22}, "dim": {2, 22}, "italic": {3, 23},
	"underline": {4, 24}, "blink": {5, 25}, "inverse": {7, 27}, "hidden": {8, 28},
	"strikethrough": {9, 29}, "doubleunderline": {21, 24},
	"black": {30, 39}, "red": {31, 39}, "green": {32, 39}, "yellow": {33, 39},
	"blue": {34, 39}, "magenta": {35, 39}, "cyan": {36, 39}, "white": {37, 39},
	"bgBlack": {40, 49}, "bgRed": {41, 49}, "bgGreen": {42, 49}, "bgYellow": {43, 49},
	"bgBlue": {44, 49}, "bgMagenta": {45, 49}, "bgCyan": {46, 49}, "bgWhite": {47, 49},
	"framed": {51, 54}, "overlined": {53, 55},
	"gray": {90, 39}, "redBright": {91, 39}, "greenBright": {92, 39},
	"yellowBright": {93, 39}, "blueBright": {94, 39}, "magentaBright": {95, 39},
	"cyanBright": {96, 39}, "whiteBright": {97, 39},
	"bgGray": {100, 49}, "bgRedBright": {101, 49}, "bgGreenBright": {102, 49},
	"bgYellowBright": {103, 49}, "bgBlueBright": {104, 49}, "bgMagentaBright": {105, 49},
	"bgCyanBright": {106, 49}, "bgWhiteBright": {107, 49},
}

// styleColor is the color name of each style, as util.inspect.styles shows.
var styleColor = map[string]string{
	"special": "cyan", "number": "yellow", "bigint": "yellow", "boolean": "yellow",
	"undefined": "grey", "null": "bold", "string": "green", "symbol": "green",
	"date": "magenta", "regexp": "red", "module": "underline",
}

func colorize(s string, code [2]int) string {
	return "\x1b[" + itoa(code[0]) + "m" + s + "\x1b[" + itoa(code[1]) + "m"
}

// jsLen is the length of s in UTF-16 code units (JS's .length).
func jsLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// jsString is a JS string as Go text. A lone surrogate has no UTF-8 form,
// so it is kept in WTF-8 (the three bytes UTF-8 would use for it) rather
// than replaced, and printed as \uXXXX by strEscape, as Node does.
func jsString(v sobek.Value) string {
	s := v.String()
	js, ok := v.(sobek.String)
	if !ok || !strings.Contains(s, "\uFFFD") {
		return s
	}
	n := js.Length()
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < n; i++ {
		c := rune(js.CharAt(i))
		if c >= 0xD800 && c <= 0xDBFF && i+1 < n {
			if d := rune(js.CharAt(i + 1)); d >= 0xDC00 && d <= 0xDFFF {
				b.WriteRune((c-0xD800)<<10 | (d - 0xDC00) + 0x10000)
				i++
				continue
			}
		}
		if c >= 0xD800 && c <= 0xDFFF {
			b.WriteByte(byte(0xE0 | c>>12))
			b.WriteByte(byte(0x80 | (c>>6)&0x3F))
			b.WriteByte(byte(0x80 | c&0x3F))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// jsValueOf is the JS string of s, the inverse of jsString.
func jsValueOf(rt *sobek.Runtime, s string) sobek.Value {
	if strings.IndexByte(s, 0xED) < 0 || utf8.ValidString(s) {
		return rt.ToValue(s)
	}
	u := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+r>>10), uint16(0xDC00+r&0x3FF))
		} else {
			u = append(u, uint16(r))
		}
	}
	return sobek.StringFromUTF16(u)
}

// decodeWTF8 is utf8.DecodeRuneInString that also decodes the WTF-8 form
// of a lone surrogate (see jsString).
func decodeWTF8(s string) (rune, int) {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 && len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && s[2] >= 0x80 && s[2] <= 0xBF {
		return rune(0xD000) | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return r, size
}

// removeColors strips ANSI escape sequences.
func removeColors(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// stringWidth is the number of terminal columns s takes (wide characters
// count two, combining marks zero), colors removed.
func stringWidth(s string) int {
	s = removeColors(s)
	w := 0
	for _, r := range s {
		switch {
		case isZeroWidth(r):
		case isFullWidth(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func isZeroWidth(r rune) bool {
	return r <= 0x1f || (r >= 0x7f && r <= 0x9f) ||
		(r >= 0x300 && r <= 0x36f) || (r >= 0x200b && r <= 0x200f) ||
		(r >= 0x20d0 && r <= 0x20ff) || (r >= 0xfe00 && r <= 0xfe0f) ||
		(r >= 0xfe20 && r <= 0xfe2f) || (r >= 0xe0100 && r <= 0xe01ef)
}

func isFullWidth(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0x3247 && r != 0x303f) ||
		(r >= 0x3250 && r <= 0x4dbf) || (r >= 0x4e00 && r <= 0xa4c6) ||
		(r >= 0xa960 && r <= 0xa97c) || (r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe10 && r <= 0xfe19) ||
		(r >= 0xfe30 && r <= 0xfe6b) || (r >= 0xff01 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x1b000 && r <= 0x1b001) ||
		(r >= 0x1f200 && r <= 0x1f251) || (r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) || (r >= 0x20000 && r <= 0x3fffd))
}

// strEscape quotes s as Node does: single quotes unless the string holds
// one and a double or backtick quote avoids escaping.
func strEscape(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			quote = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			quote = '`'
		}
	}
	needs := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == '\\' || c == quote {
			needs = true
			break
		}
	}
	if !needs && utf8.ValidString(s) {
		return string(quote) + s + string(quote)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := decodeWTF8(s[i:])
			if r >= 0xD800 && r <= 0xDFFF {
				b.WriteString(`\u`)
				b.WriteString(strings.ToLower(hex2(byte(r>>8)) + hex2(byte(r))))
			} else if r == utf8.RuneError && size == 1 {
				b.WriteString(`\x`)
				b.WriteString(hex2(c))
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
			continue
		}
		switch {
		case c == quote:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\f':
			b.WriteString(`\f`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(hex2(c))
		default:
			b.WriteByte(c)
		}
		i++
	}
	b.WriteByte(quote)
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// escapeKey escapes control characters in a key or symbol description
// without quoting it.
func escapeKey(s string) string {
	q := strEscape(s)
	// strEscape may have chosen another quote; only the quotes differ.
	inner := q[1 : len(q)-1]
	if q[0] == '\'' {
		inner = strings.ReplaceAll(inner, `\'`, `'`)
	}
	return inner
}

// splitLinesKeep splits s after each '\n' (the newline stays with its line).
func splitLinesKeep(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || i == len(s)-1 {
			out = append(out, s)
			return out
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
}

// StringWidth is the number of terminal columns s takes (ANSI colors
// removed, wide characters two columns), as Node's getStringWidth.
func StringWidth(s string) int { return stringWidth(s) }
