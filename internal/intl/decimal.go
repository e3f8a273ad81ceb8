package intl

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// decimal is an exact decimal number as ICU formats it: a double enters
// as its shortest round-tripping digits (so 1.005 rounds to 1.01 at two
// fraction digits, as in V8, where toFixed gives 1.00), a BigInt or a
// numeric string as written. value = 0.digits × 10^exp; digits has no
// leading or trailing zeros; zero is no digits.
type decimal struct {
	neg    bool
	digits []byte
	exp    int
	nan    bool
	inf    bool
}

func decimalFromFloat(f float64) decimal {
	d := decimal{neg: math.Signbit(f)}
	switch {
	case math.IsNaN(f):
		d.nan, d.neg = true, false
		return d
	case math.IsInf(f, 0):
		d.inf = true
		return d
	case f == 0:
		return d
	}
	s := strconv.FormatFloat(math.Abs(f), 'e', -1, 64) // d.ddddde±x
	mant, e, _ := strings.Cut(s, "e")
	x, _ := strconv.Atoi(e)
	mant = strings.Replace(mant, ".", "", 1)
	d.digits = []byte(mant)
	d.exp = x + 1
	d.trim()
	return d
}

// decimalFromString parses a StringNumericLiteral-like decimal ("-12.5e3",
// "1234567890123456789012"); ok false when it is no finite decimal.
func decimalFromString(s string) (decimal, bool) {
	var d decimal
	s = strings.TrimSpace(s)
	if s == "" {
		return d, true
	}
	switch s[0] {
	case '-':
		d.neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	if s == "Infinity" {
		d.inf = true
		return d, true
	}
	mant, e, hasE := strings.Cut(strings.ToLower(s), "e")
	x := 0
	if hasE {
		var err error
		x, err = strconv.Atoi(e)
		if err != nil {
			return d, false
		}
	}
	ip, fp, _ := strings.Cut(mant, ".")
	if ip == "" && fp == "" {
		return d, false
	}
	for _, c := range ip + fp {
		if c < '0' || c > '9' {
			return d, false
		}
	}
	d.digits = []byte(ip + fp)
	d.exp = len(ip) + x
	d.trim()
	return d, true
}

func decimalFromBig(b *big.Int) decimal {
	s := b.String()
	d, _ := decimalFromString(s)
	return d
}

func (d *decimal) trim() {
	i := 0
	for i < len(d.digits) && d.digits[i] == '0' {
		i++
	}
	d.digits = d.digits[i:]
	d.exp -= i
	j := len(d.digits)
	for j > 0 && d.digits[j-1] == '0' {
		j--
	}
	d.digits = d.digits[:j]
	if len(d.digits) == 0 {
		d.exp = 0
	}
}

func (d decimal) isZero() bool { return !d.nan && !d.inf && len(d.digits) == 0 }

// magnitude is the exponent of the leading digit (1234 -> 3).
func (d decimal) magnitude() int { return d.exp - 1 }

// roundAt rounds to a multiple of 10^pos (pos -2: two fraction digits)
// with ICU's rounding mode mode, increment 1.
func (d decimal) roundAt(pos int, mode string) decimal {
	if d.nan || d.inf || len(d.digits) == 0 {
		return d
	}
	// keep = number of digits before 10^pos
	keep := d.exp - pos
	if keep >= len(d.digits) {
		return d
	}
	var kept []byte
	var first byte = '0'
	restNonZero := false
	if keep >= 0 {
		kept = append([]byte(nil), d.digits[:keep]...)
		first = d.digits[keep]
		for _, c := range d.digits[keep+1:] {
			if c != '0' {
				restNonZero = true
			}
		}
	} else {
		// every digit is below the rounding position
		first = '0'
		restNonZero = true
	}
	discardNonZero := first != '0' || restNonZero
	lastOdd := len(kept) > 0 && (kept[len(kept)-1]-'0')%2 == 1
	up := false
	half := 0 // -1 below half, 0 exactly half, 1 above
	switch {
	case first > '5' || first == '5' && restNonZero:
		half = 1
	case first == '5':
		half = 0
	default:
		half = -1
	}
	if keep < 0 {
		half = -1
	}
	switch mode {
	case "ceil":
		up = discardNonZero && !d.neg
	case "floor":
		up = discardNonZero && d.neg
	case "expand":
		up = discardNonZero
	case "trunc":
		up = false
	case "halfCeil":
		up = half > 0 || half == 0 && !d.neg
	case "halfFloor":
		up = half > 0 || half == 0 && d.neg
	case "halfTrunc":
		up = half > 0
	case "halfEven":
		up = half > 0 || half == 0 && lastOdd
	default: // halfExpand
		up = half >= 0
	}
	r := decimal{neg: d.neg}
	if up {
		// add one at position pos
		if keep <= 0 {
			r.digits = []byte{'1'}
			r.exp = pos + 1
			return r
		}
		i := len(kept) - 1
		for i >= 0 && kept[i] == '9' {
			kept[i] = '0'
			i--
		}
		if i < 0 {
			kept = append([]byte{'1'}, kept...)
			r.exp = d.exp + 1
		} else {
			kept[i]++
			r.exp = d.exp
		}
	} else {
		r.exp = d.exp
		if keep <= 0 {
			return decimal{neg: d.neg}
		}
	}
	r.digits = kept
	r.trim()
	return r
}

// shift multiplies by 10^n.
func (d decimal) shift(n int) decimal {
	if len(d.digits) > 0 {
		d.exp += n
	}
	return d
}

// fixed renders |d| with at least minInt integer digits and between
// minFrac and (whatever it has) fraction digits: integer and fraction
// strings.
func (d decimal) fixed(minInt, minFrac int) (string, string) {
	var i, f string
	ds := string(d.digits)
	switch {
	case d.exp >= len(ds):
		i = ds + strings.Repeat("0", d.exp-len(ds))
	case d.exp > 0:
		i, f = ds[:d.exp], ds[d.exp:]
	default:
		f = strings.Repeat("0", -d.exp) + ds
	}
	if len(i) < minInt {
		i = strings.Repeat("0", minInt-len(i)) + i
	}
	if len(f) < minFrac {
		f += strings.Repeat("0", minFrac-len(f))
	}
	return i, f
}
