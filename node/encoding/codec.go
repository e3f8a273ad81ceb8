package encoding

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/grafana/sobek"
)

// NormalizeEncoding maps a Node encoding name to its canonical form
// ("utf8", "utf16le", "latin1", "ascii", "base64", "base64url", "hex"),
// or "" when Node does not know it.
func NormalizeEncoding(name string) string {
	switch strings.ToLower(name) {
	case "utf8", "utf-8":
		return "utf8"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	case "latin1", "binary":
		return "latin1"
	case "ascii":
		return "ascii"
	case "base64":
		return "base64"
	case "base64url":
		return "base64url"
	case "hex":
		return "hex"
	}
	return ""
}

// Units returns the UTF-16 code units of a JS string value.
func Units(v sobek.Value) []uint16 {
	s, ok := v.(sobek.String)
	if !ok {
		return utf16.Encode([]rune(v.String()))
	}
	n := s.Length()
	out := make([]uint16, n)
	for i := 0; i < n; i++ {
		out[i] = s.CharAt(i)
	}
	return out
}

// EncodeUTF8 encodes UTF-16 code units as UTF-8, lone surrogates as U+FFFD.
func EncodeUTF8(u []uint16) []byte {
	b := make([]byte, 0, len(u))
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		switch {
		case c < 0x80:
			b = append(b, byte(c))
			continue
		case c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF:
			c = utf16.DecodeRune(c, rune(u[i+1]))
			i++
		case c >= 0xD800 && c <= 0xDFFF:
			c = utf8.RuneError
		}
		b = utf8.AppendRune(b, c)
	}
	return b
}

// DecodeUTF8 decodes UTF-8 as the WHATWG decoder does: each maximal invalid
// subpart becomes one U+FFFD. ok is false when anything was replaced.
func DecodeUTF8(b []byte) (u []uint16, ok bool) {
	u = make([]uint16, 0, len(b))
	ok = true
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			u = append(u, uint16(c))
			i++
			continue
		}
		var need int
		var cp rune
		lo, hi := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			need, cp = 2, rune(c&0x0F)
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need, cp = 3, rune(c&0x07)
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			u = append(u, 0xFFFD)
			ok = false
			i++
			continue
		}
		j := i + 1
		valid := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				valid = false
				break
			}
			cp = cp<<6 | rune(b[j]&0x3F)
			lo, hi = 0x80, 0xBF
			j++
		}
		if !valid {
			u = append(u, 0xFFFD)
			ok = false
			i = j
			continue
		}
		if cp >= 0x10000 {
			r1, r2 := utf16.EncodeRune(cp)
			u = append(u, uint16(r1), uint16(r2))
		} else {
			u = append(u, uint16(cp))
		}
		i = j
	}
	return u, ok
}

const hexDigits = "0123456789abcdef"

func unhex(c uint16) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func b64val(c uint16) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+' || c == '-':
		return 62
	case c == '/' || c == '_':
		return 63
	}
	return -1
}

// Encode turns a JS string (as UTF-16 code units) into bytes in a
// canonical encoding, as Buffer.from(string, encoding) does.
func Encode(u []uint16, enc string) []byte {
	switch enc {
	case "latin1", "ascii":
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return b
	case "utf16le":
		b := make([]byte, 2*len(u))
		for i, c := range u {
			b[2*i] = byte(c)
			b[2*i+1] = byte(c >> 8)
		}
		return b
	case "hex":
		b := make([]byte, 0, len(u)/2)
		for i := 0; i+1 < len(u); i += 2 {
			h, l := unhex(u[i]), unhex(u[i+1])
			if h < 0 || l < 0 {
				break
			}
			b = append(b, byte(h<<4|l))
		}
		return b
	case "base64", "base64url":
		b := make([]byte, 0, len(u)*3/4)
		var acc, n int
		for _, c := range u {
			if c == '=' {
				break
			}
			v := b64val(c)
			if v < 0 {
				continue
			}
			acc = acc<<6 | v
			n++
			if n == 4 {
				b = append(b, byte(acc>>16), byte(acc>>8), byte(acc))
				acc, n = 0, 0
			}
		}
		switch n {
		case 2:
			b = append(b, byte(acc>>4))
		case 3:
			b = append(b, byte(acc>>10), byte(acc>>2))
		}
		return b
	}
	return EncodeUTF8(u)
}

// Decode turns bytes into a JS string in a canonical encoding, as
// buffer.toString(encoding) does.
func Decode(b []byte, enc string) sobek.String {
	var u []uint16
	switch enc {
	case "latin1":
		u = make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
	case "ascii":
		u = make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c & 0x7f)
		}
	case "utf16le":
		u = make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
	case "hex":
		return sobek.StringFromUTF16(bytesToUnits(hexEncode(b)))
	case "base64", "base64url":
		return sobek.StringFromUTF16(bytesToUnits([]byte(b64(b, enc == "base64url"))))
	default:
		u, _ = DecodeUTF8(b)
	}
	return sobek.StringFromUTF16(u)
}

func bytesToUnits(s []byte) []uint16 {
	u := make([]uint16, len(s))
	for i, c := range s {
		u[i] = uint16(c)
	}
	return u
}

func b64(b []byte, url bool) string {
	alpha := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if url {
		alpha = alpha[:62] + "-_"
	}
	var sb strings.Builder
	for i := 0; i < len(b); i += 3 {
		var v uint32
		n := len(b) - i
		if n > 3 {
			n = 3
		}
		for k := 0; k < 3; k++ {
			v <<= 8
			if k < n {
				v |= uint32(b[i+k])
			}
		}
		for k := 0; k <= n; k++ {
			sb.WriteByte(alpha[(v>>(18-6*k))&63])
		}
		if !url {
			for k := n; k < 3; k++ {
				sb.WriteByte('=')
			}
		}
	}
	return sb.String()
}

// hexEncode: b's bytes as lower-case hex digits.
func hexEncode(b []byte) []byte {
	s := make([]byte, 2*len(b))
	for i, c := range b {
		s[2*i] = hexDigits[c>>4]
		s[2*i+1] = hexDigits[c&15]
	}
	return s
}

// DecodeValue is Decode as a value of rt, made without the detour through
// UTF-16 units where the result is ASCII (hex, base64, and utf8, latin1 or
// ascii bytes below 0x80).
func DecodeValue(rt *sobek.Runtime, b []byte, enc string) sobek.Value {
	switch enc {
	case "hex":
		return rt.ToValue(string(hexEncode(b)))
	case "base64", "base64url":
		return rt.ToValue(b64(b, enc == "base64url"))
	case "utf8", "latin1", "ascii":
		for _, c := range b {
			if c >= 0x80 {
				return Decode(b, enc)
			}
		}
		return rt.ToValue(string(b))
	}
	return Decode(b, enc)
}
