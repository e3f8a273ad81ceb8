package intl

import (
	"math/big"
	"strconv"
	"strings"
)

// numberSpec is a NumberFormat's resolved options (its internal slots),
// read once from the record intl.js resolves.
type numberSpec struct {
	locale                                   string
	style, currency, currencyDisplay, cSign  string
	unit, unitDisplay, notation, compactDisp string
	minInt, minFrac, maxFrac, minSig, maxSig int
	roundingType                             string // fractionDigits, significantDigits, morePrecision, lessPrecision
	roundingMode, trailingZeroDisplay        string
	roundingIncrement                        int
	useGrouping                              string // auto, always, min2, false
	signDisplay                              string
	sym                                      symbols
}

// symbols are a locale's number symbols.
type symbols struct {
	decimal, group, minus, plus, percent, exp, inf, nan string
	minGroup2                                           bool // CLDR minimumGroupingDigits 2 (es: 1234, 12.345)
	indian                                              bool // groups of two above the thousands (en-IN: 10,00,000)
}

var enSymbols = symbols{decimal: ".", group: ",", minus: "-", plus: "+", percent: "%", exp: "E", inf: "∞", nan: "NaN"}

type part struct{ typ, val string }

// rounded is a number after ICU's rounding, with the digits to show.
type rounded struct {
	d       decimal
	minFrac int // fraction digits shown at least
}

func (s *numberSpec) roundFrac(d decimal, minFrac, maxFrac int) (rounded, int) {
	r := d.roundAt(-maxFrac, s.roundingMode)
	if s.roundingIncrement > 1 {
		r = roundIncrement(d, maxFrac, s.roundingIncrement, s.roundingMode)
	}
	return rounded{r, minFrac}, -maxFrac
}

func roundIncrement(d decimal, maxFrac, inc int, mode string) decimal {
	// round d / (inc × 10^-maxFrac) to an integer, then multiply back:
	// exact, in rationals
	q, ok := new(big.Rat).SetString(d.shift(maxFrac).String())
	if !ok {
		return d
	}
	q.Quo(q, new(big.Rat).SetInt64(int64(inc)))
	// inc's divisors (2, 5, 25 ...) give at most 4 more digits
	qd, _ := decimalFromString(q.FloatString(8))
	qd.neg = d.neg && !qd.isZero()
	qi := qd.roundAt(0, mode)
	n, ok := new(big.Int).SetString(strings.TrimPrefix(qi.String(), "-"), 10)
	if !ok {
		return d
	}
	n.Mul(n, big.NewInt(int64(inc)))
	out := decimalFromBig(n).shift(-maxFrac)
	out.neg = d.neg
	return out
}

// String renders d plainly ("-12.5"), for internal arithmetic.
func (d decimal) String() string {
	if d.nan {
		return "NaN"
	}
	if d.inf {
		if d.neg {
			return "-Infinity"
		}
		return "Infinity"
	}
	i, f := d.fixed(1, 0)
	s := i
	if f != "" {
		s += "." + f
	}
	if d.neg {
		s = "-" + s
	}
	return s
}

func (s *numberSpec) roundSig(d decimal, minSig, maxSig int) (rounded, int) {
	if d.isZero() {
		return rounded{d, max(0, minSig-1)}, 1 - maxSig
	}
	pos := d.magnitude() - maxSig + 1
	r := d.roundAt(pos, s.roundingMode)
	m := r.magnitude()
	if r.isZero() {
		m = 0
	}
	return rounded{r, max(0, minSig-1-m)}, pos
}

// round applies the digit options to d.
func (s *numberSpec) round(d decimal) rounded {
	var r rounded
	switch s.roundingType {
	case "significantDigits":
		r, _ = s.roundSig(d, s.minSig, s.maxSig)
	case "morePrecision", "lessPrecision":
		rs, ps := s.roundSig(d, s.minSig, s.maxSig)
		rf, pf := s.roundFrac(d, s.minFrac, s.maxFrac)
		if s.roundingType == "morePrecision" == (ps <= pf) {
			r = rs
		} else {
			r = rf
		}
	default:
		r, _ = s.roundFrac(d, s.minFrac, s.maxFrac)
	}
	if s.trailingZeroDisplay == "stripIfInteger" && r.d.exp >= len(r.d.digits) {
		r.minFrac = 0
	}
	return r
}

// compactPower is the power of ten en's compact patterns divide by for a
// number of magnitude m, and the suffix (short, long).
func compactPower(m int, long bool) (int, string) {
	names := [...][2]string{{"K", "thousand"}, {"M", "million"}, {"B", "billion"}, {"T", "trillion"}}
	if m < 3 {
		return 0, ""
	}
	i := min(m/3-1, 3)
	if long {
		return 3 * (i + 1), names[i][1]
	}
	return 3 * (i + 1), names[i][0]
}

// format formats d into parts.
func (s *numberSpec) format(d decimal) []part {
	var num []part // the number itself, no sign
	negative := d.neg
	if s.style == "percent" {
		d = d.shift(2)
	}
	isZero := false
	compact := ""
	switch {
	case d.nan:
		num = []part{{"nan", s.sym.nan}}
		negative = false
	case d.inf:
		num = []part{{"infinity", s.sym.inf}}
	case s.notation == "scientific" || s.notation == "engineering":
		e := 0
		if !d.isZero() {
			e = d.magnitude()
		}
		if s.notation == "engineering" {
			e = floorDiv(e, 3) * 3
		}
		r := s.round(d.shift(-e))
		if !r.d.isZero() {
			lim := 1
			if s.notation == "engineering" {
				lim = 3
			}
			if r.d.magnitude() >= lim {
				e += lim
				r = s.round(d.shift(-e))
			}
		}
		isZero = r.d.isZero()
		num = s.digitParts(r, false)
		num = append(num, part{"exponentSeparator", s.sym.exp})
		if e < 0 {
			num = append(num, part{"exponentMinusSign", s.sym.minus})
			e = -e
		}
		num = append(num, part{"exponentInteger", strconv.Itoa(e)})
	case s.notation == "compact":
		m := 0
		if !d.isZero() {
			m = d.magnitude()
		}
		p, suffix := compactPower(m, s.compactDisp == "long")
		r := s.round(d.shift(-p))
		if !r.d.isZero() && r.d.magnitude()+p > m {
			// rounding carried into the next power (999999 -> 1M)
			p2, suffix2 := compactPower(r.d.magnitude()+p, s.compactDisp == "long")
			if p2 != p {
				p, suffix = p2, suffix2
				r = s.round(d.shift(-p))
			}
		}
		isZero = r.d.isZero()
		num = s.digitParts(r, true)
		if suffix != "" {
			if s.compactDisp == "long" {
				num = append(num, part{"literal", " "})
			}
			num = append(num, part{"compact", suffix})
		}
		compact = suffix
	default:
		r := s.round(d)
		isZero = r.d.isZero()
		num = s.digitParts(r, true)
	}
	_ = compact
	// the sign
	sign := ""
	switch s.signDisplay {
	case "never":
	case "always":
		if negative {
			sign = "-"
		} else {
			sign = "+"
		}
	case "exceptZero":
		if isZero || d.nan {
		} else if negative {
			sign = "-"
		} else {
			sign = "+"
		}
	case "negative":
		if negative && !isZero {
			sign = "-"
		}
	default:
		if negative {
			sign = "-"
		}
	}
	accounting := s.style == "currency" && s.cSign == "accounting" && sign == "-"
	var out []part
	addSign := func() {
		switch sign {
		case "-":
			if !accounting {
				out = append(out, part{"minusSign", s.sym.minus})
			}
		case "+":
			out = append(out, part{"plusSign", s.sym.plus})
		}
	}
	switch s.style {
	case "percent":
		addSign()
		out = append(out, num...)
		out = append(out, part{"percentSign", s.sym.percent})
	case "currency":
		cd := currencies[s.currency]
		if accounting {
			out = append(out, part{"literal", "("})
		}
		switch s.currencyDisplay {
		case "name":
			addSign()
			out = append(out, num...)
			name := cd.other
			if name == "" {
				name = s.currency
			} else if pluralOne(num) {
				name = cd.one
			}
			out = append(out, part{"literal", " "}, part{"currency", name})
		default:
			sym := s.currency
			switch s.currencyDisplay {
			case "symbol":
				if cd.symbol != "" {
					sym = cd.symbol
				}
			case "narrowSymbol":
				if cd.narrow != "" {
					sym = cd.narrow
				}
			}
			addSign()
			out = append(out, part{"currency", sym})
			if r := []rune(sym); len(r) > 0 && isLetter(r[len(r)-1]) && num[0].typ == "integer" {
				out = append(out, part{"literal", "\u00a0"})
			}
			out = append(out, num...)
		}
		if accounting {
			out = append(out, part{"literal", ")"})
		}
	case "unit":
		pats, ok := unitPatterns[s.unit]
		if !ok {
			pats = perUnitPatterns(s.unit)
		}
		i := 0
		switch s.unitDisplay {
		case "long":
			i = 2
		case "narrow":
			i = 4
		}
		if !pluralOne(num) {
			i++
		}
		before, after, _ := strings.Cut(pats[i], "{0}")
		out = append(out, unitPieces(before)...)
		addSign()
		out = append(out, num...)
		out = append(out, unitPieces(after)...)
	default:
		addSign()
		out = append(out, num...)
	}
	return out
}

// unitPieces splits a unit pattern's affix into literal and unit parts.
func unitPieces(s string) []part {
	if s == "" {
		return nil
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return []part{{"literal", s}}
	}
	var out []part
	i := strings.Index(s, t)
	if i > 0 {
		out = append(out, part{"literal", s[:i]})
	}
	out = append(out, part{"unit", t})
	if rest := s[i+len(t):]; rest != "" {
		out = append(out, part{"literal", rest})
	}
	return out
}

// perUnitPatterns composes a numerator-per-denominator unit's patterns.
func perUnitPatterns(u string) [6]string {
	num, den, _ := strings.Cut(u, "-per-")
	n, d := unitPatterns[num], unitPatterns[den]
	var out [6]string
	for i := range out {
		du := strings.TrimSpace(strings.Replace(d[i&^1], "{0}", "", 1))
		if i >= 2 && i < 4 {
			out[i] = n[i] + " per " + du
		} else {
			out[i] = n[i] + "/" + du
		}
	}
	return out
}

func isLetter(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

// pluralOne reports whether en's cardinal rule picks "one" for the
// formatted number: integer 1 with no visible fraction digits.
func pluralOne(num []part) bool {
	in, other := "", false
	for _, p := range num {
		switch p.typ {
		case "integer":
			in += p.val
		case "group", "literal", "compact":
		default:
			other = true
		}
	}
	return in == "1" && !other
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// digitParts renders the rounded absolute number.
func (s *numberSpec) digitParts(r rounded, grouping bool) []part {
	ip, fp := r.d.fixed(s.minInt, r.minFrac)
	if ip == "" {
		ip = "0"
	}
	var out []part
	minLen := 4
	if s.useGrouping == "min2" || s.useGrouping == "auto" && s.sym.minGroup2 {
		minLen = 5
	}
	group := grouping && (s.useGrouping == "auto" || s.useGrouping == "always" || s.useGrouping == "min2") && len(ip) >= minLen
	if group && s.sym.indian && len(ip) > 3 {
		head, last := ip[:len(ip)-3], ip[len(ip)-3:]
		first := len(head) % 2
		if first == 0 {
			first = 2
		}
		out = append(out, part{"integer", head[:first]})
		for i := first; i < len(head); i += 2 {
			out = append(out, part{"group", s.sym.group}, part{"integer", head[i : i+2]})
		}
		out = append(out, part{"group", s.sym.group}, part{"integer", last})
	} else if group {
		first := len(ip) % 3
		if first == 0 {
			first = 3
		}
		out = append(out, part{"integer", ip[:first]})
		for i := first; i < len(ip); i += 3 {
			out = append(out, part{"group", s.sym.group}, part{"integer", ip[i : i+3]})
		}
	} else {
		out = append(out, part{"integer", ip})
	}
	if fp != "" {
		out = append(out, part{"decimal", s.sym.decimal}, part{"fraction", fp})
	}
	return out
}

func joinParts(ps []part) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.val)
	}
	return b.String()
}
