package url

import (
	"strings"
	"unicode/utf8"
)

// domainToASCII lowercases a domain and turns its non-ASCII labels into
// punycode ("xn--..."). Full UTS #46 mapping is not done: lowercasing
// covers the common cases.
func domainToASCII(d string) (string, bool) {
	d = strings.ToLower(d)
	// IDNA maps the ideographic full stops to "."
	d = strings.NewReplacer("\u3002", ".", "\uFF0E", ".", "\uFF61", ".").Replace(d)
	isASCII := true
	for i := 0; i < len(d); i++ {
		if d[i] >= utf8.RuneSelf {
			isASCII = false
			break
		}
	}
	if isASCII {
		return d, true
	}
	labels := strings.Split(d, ".")
	for i, l := range labels {
		ascii := true
		for j := 0; j < len(l); j++ {
			if l[j] >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if ascii {
			continue
		}
		if strings.HasPrefix(l, "xn--") {
			return "", false
		}
		enc, ok := punyEncode(l)
		if !ok {
			return "", false
		}
		labels[i] = "xn--" + enc
	}
	return strings.Join(labels, "."), true
}

const (
	pBase        = 36
	pTMin        = 1
	pTMax        = 26
	pSkew        = 38
	pDamp        = 700
	pInitialBias = 72
	pInitialN    = 128
)

func punyAdapt(delta, numPoints int, first bool) int {
	if first {
		delta /= pDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((pBase-pTMin)*pTMax)/2 {
		delta /= pBase - pTMin
		k += pBase
	}
	return k + (pBase-pTMin+1)*delta/(delta+pSkew)
}

func punyDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// punyEncode is RFC 3492's encoding of one label.
func punyEncode(label string) (string, bool) {
	runes := []rune(label)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	basic := len(out)
	h := basic
	if basic > 0 {
		out = append(out, '-')
	}
	n, delta, bias := pInitialN, 0, pInitialBias
	for h < len(runes) {
		m := int(^uint(0) >> 1)
		for _, r := range runes {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range runes {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				q := delta
				for k := pBase; ; k += pBase {
					t := k - bias
					if t < pTMin {
						t = pTMin
					} else if t > pTMax {
						t = pTMax
					}
					if q < t {
						break
					}
					out = append(out, punyDigit(t+(q-t)%(pBase-t)))
					q = (q - t) / (pBase - t)
				}
				out = append(out, punyDigit(q))
				bias = punyAdapt(delta, h+1, h == basic)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return string(out), true
}

// domainToUnicode decodes the punycode labels of an ASCII domain.
func domainToUnicode(d string) string {
	labels := strings.Split(d, ".")
	for i, l := range labels {
		if strings.HasPrefix(l, "xn--") {
			if s, ok := punyDecode(l[4:]); ok {
				labels[i] = s
			}
		}
	}
	return strings.Join(labels, ".")
}

func punyDecode(s string) (string, bool) {
	var out []rune
	b := strings.LastIndexByte(s, '-')
	if b > 0 {
		for i := 0; i < b; i++ {
			out = append(out, rune(s[i]))
		}
		s = s[b+1:]
	} else if b == 0 {
		s = s[1:]
	}
	n, i, bias := pInitialN, 0, pInitialBias
	for pos := 0; pos < len(s); {
		oldi, w := i, 1
		for k := pBase; ; k += pBase {
			if pos >= len(s) {
				return "", false
			}
			c := s[pos]
			pos++
			var digit int
			switch {
			case c >= 'a' && c <= 'z':
				digit = int(c - 'a')
			case c >= 'A' && c <= 'Z':
				digit = int(c - 'A')
			case c >= '0' && c <= '9':
				digit = int(c-'0') + 26
			default:
				return "", false
			}
			i += digit * w
			t := k - bias
			if t < pTMin {
				t = pTMin
			} else if t > pTMax {
				t = pTMax
			}
			if digit < t {
				break
			}
			w *= pBase - t
		}
		bias = punyAdapt(i-oldi, len(out)+1, oldi == 0)
		n += i / (len(out) + 1)
		i %= len(out) + 1
		out = append(out[:i], append([]rune{rune(n)}, out[i:]...)...)
		i++
	}
	return string(out), true
}
