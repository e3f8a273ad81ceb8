package querystring

import (
	"strings"
	"unicode/utf8"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// Go answers for the computing of querystring.js on ASCII strings: escape
// and the default decoding of a key or value in parse. Each returns
// undefined for any other input, which querystring.js then handles
// (non-ASCII text, whose UTF-16 units it encodes; malformed percent
// sequences, which fall back to its byte-wise unescape).

// noEscape are the characters escape leaves as they are (RFC 3986
// unreserved characters plus ! ' ( ) *), as querystring.js's table.
var noEscape = func() (t [128]bool) {
	for _, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()" {
		t[c] = true
	}
	return
}()

const upperHex = "0123456789ABCDEF"

// escapeASCII is qsEscape of an ASCII string.
func escapeASCII(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !noEscape[s[i]] {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if noEscape[c] {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

// escapeUnits is qsEscape of any string, by its UTF-16 units as
// querystring.js reads them (a surrogate takes the next unit as its low
// half); ok false where it throws (a surrogate at the end).
func escapeUnits(u sobek.String) (string, bool) {
	var b strings.Builder
	pct := func(c uint32) {
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4&15])
		b.WriteByte(upperHex[c&15])
	}
	n := u.Length()
	for i := 0; i < n; i++ {
		c := uint32(u.CharAt(i))
		switch {
		case c < 0x80:
			if noEscape[c] {
				b.WriteByte(byte(c))
			} else {
				pct(c)
			}
		case c < 0x800:
			pct(0xc0 | c>>6)
			pct(0x80 | c&0x3f)
		case c < 0xd800 || c >= 0xe000:
			pct(0xe0 | c>>12)
			pct(0x80 | c>>6&0x3f)
			pct(0x80 | c&0x3f)
		default:
			i++
			if i >= n {
				return "", false
			}
			c = 0x10000 + ((c&0x3ff)<<10 | uint32(u.CharAt(i))&0x3ff)
			pct(0xf0 | c>>18)
			pct(0x80 | c>>12&0x3f)
			pct(0x80 | c>>6&0x3f)
			pct(0x80 | c&0x3f)
		}
	}
	return b.String(), true
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeASCII is parse's decoding of an ASCII key or value with the
// default decoder: '+' as a space, then decodeURIComponent; ok false where
// decodeURIComponent would throw (a malformed escape, bytes that are not
// UTF-8), which querystring.js answers.
func decodeASCII(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 {
		if strings.IndexByte(s, '+') < 0 {
			return s, true
		}
		return strings.ReplaceAll(s, "+", " "), true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 >= len(s) {
				return "", false
			}
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return "", false
			}
			b = append(b, h<<4|l)
			i += 2
		default:
			b = append(b, c)
		}
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

func natives(rt *sobek.Runtime, in *sobek.Object) {
	_ = in.Set("escapeASCII", func(c sobek.FunctionCall) sobek.Value {
		if s, ok := engine.ASCIIString(c.Argument(0)); ok {
			return rt.ToValue(escapeASCII(s))
		}
		if u, ok := c.Argument(0).(sobek.String); ok {
			if s, ok := escapeUnits(u); ok {
				return rt.ToValue(s)
			}
		}
		return sobek.Undefined()
	})
	_ = in.Set("decodeASCII", func(c sobek.FunctionCall) sobek.Value {
		if s, ok := engine.ASCIIString(c.Argument(0)); ok {
			if d, ok := decodeASCII(s); ok {
				return rt.ToValue(d)
			}
		}
		return sobek.Undefined()
	})
}
