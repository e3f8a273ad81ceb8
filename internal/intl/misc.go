package intl

import (
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/grafana/sobek"
	"github.com/rivo/uniseg"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// newDateSpec resolves a DateTimeFormat's pattern from the record intl.js
// read, and stores the resolved options as o.r.
func (r *Realm) newDateSpec(o *sobek.Object) *dateSpec {
	str := func(k string) string {
		v := o.Get(k)
		if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
			return ""
		}
		return v.String()
	}
	s := &dateSpec{
		locale: str("locale"), tz: str("timeZone"),
		weekday: str("weekday"), era: str("era"), year: str("year"), month: str("month"), day: str("day"),
		dayPeriod: str("dayPeriod"), hour: str("hour"), minute: str("minute"), second: str("second"),
		tzName: str("timeZoneName"), dateStyle: str("dateStyle"), timeStyle: str("timeStyle"),
	}
	if v := o.Get("fractionalSecondDigits"); v != nil && !sobek.IsUndefined(v) {
		s.fsd = int(v.ToInteger())
	}
	s.loc = loadZone(s.tz)
	// hour cycle: hour12, else hourCycle, else the locale's -u-hc, else en's h12
	hc := str("hourCycle")
	h12 := o.Get("hour12")
	switch {
	case h12 != nil && !sobek.IsUndefined(h12):
		// V8: hour12 picks h12/h24 for locales whose default cycle
		// is h12 (en), as node prints 24:30 for half past midnight
		if h12.ToBoolean() {
			hc = "h12"
		} else {
			hc = "h24"
		}
	case hc == "":
		if v, ok := localeKeyword(s.locale, "hc"); ok {
			hc = v
		} else {
			hc = "h12"
		}
	}
	s.hourCycle = hc
	s.build()
	// the resolved options, read off the pattern as ICU does
	rt := r.rt
	res := rt.NewObject()
	_ = res.Set("locale", s.locale)
	_ = res.Set("calendar", "gregory")
	_ = res.Set("numberingSystem", "latn")
	_ = res.Set("timeZone", s.tz)
	hasHour := false
	for _, it := range s.pattern {
		if it.field == "hour" {
			hasHour = true
		}
	}
	if hasHour {
		_ = res.Set("hourCycle", s.hourCycle)
		_ = res.Set("hour12", s.twelve())
	}
	if s.dateStyle != "" || s.timeStyle != "" {
		if s.dateStyle != "" {
			_ = res.Set("dateStyle", s.dateStyle)
		}
		if s.timeStyle != "" {
			_ = res.Set("timeStyle", s.timeStyle)
		}
	} else {
		widths := map[string]string{}
		for _, it := range s.pattern {
			if it.field != "" {
				widths[it.field] = it.width
			}
		}
		for _, f := range []string{"weekday", "era", "year", "month", "day", "dayPeriodFlex", "hour", "minute", "second", "fractionalSecond", "timeZoneName"} {
			w, ok := widths[f]
			if !ok {
				continue
			}
			switch f {
			case "dayPeriodFlex":
				_ = res.Set("dayPeriod", w)
			case "fractionalSecond":
				_ = res.Set("fractionalSecondDigits", s.fsd)
			default:
				_ = res.Set(f, w)
			}
		}
	}
	_ = o.Set("r", res)
	return s
}

// dateRange formats [a, b] as ICU's en interval formats do: equal
// renderings once; the same day with time fields shares the date (and
// the day period when equal); otherwise both in full.
func (r *Realm) dateRange(s *dateSpec, a, b int64, parts bool) sobek.Value {
	pa, pb := s.format(a), s.format(b)
	const sep = "\u2009–\u2009"
	var out []srcPart
	if joinParts(pa) == joinParts(pb) {
		for _, p := range pa {
			out = append(out, srcPart{p, "shared"})
		}
	} else {
		n := s.dateEnd
		hasTime := len(s.pattern) > n
		sameDate := hasTime && n > 0 && joinParts(pa[:n]) == joinParts(pb[:n]) || hasTime && n == 0
		if sameDate && hasTime {
			for _, p := range pa[:n] {
				out = append(out, srcPart{p, "shared"})
			}
			ta, tb := pa[n:], pb[n:]
			// a shared tail: day period and zone, when equal
			k := 0
			for k < len(ta) && k < len(tb) {
				x, y := ta[len(ta)-1-k], tb[len(tb)-1-k]
				if x != y || x.typ != "dayPeriod" && x.typ != "timeZoneName" && x.typ != "literal" {
					break
				}
				k++
			}
			hasField := false
			for _, p := range ta[len(ta)-k:] {
				if p.typ != "literal" {
					hasField = true
				}
			}
			if !hasField {
				k = 0
			}
			for _, p := range ta[:len(ta)-k] {
				out = append(out, srcPart{p, "startRange"})
			}
			out = append(out, srcPart{part{"literal", sep}, "shared"})
			for _, p := range tb[:len(tb)-k] {
				out = append(out, srcPart{p, "endRange"})
			}
			for _, p := range ta[len(ta)-k:] {
				out = append(out, srcPart{p, "shared"})
			}
		} else {
			for _, p := range pa {
				out = append(out, srcPart{p, "startRange"})
			}
			out = append(out, srcPart{part{"literal", sep}, "shared"})
			for _, p := range pb {
				out = append(out, srcPart{p, "endRange"})
			}
		}
	}
	return r.rangeResult(out, parts)
}

// srcPart is a formatRangeToParts part: a part and its source
// ("startRange", "endRange", "shared").
type srcPart struct {
	part
	src string
}

// rangeResult is a formatRange result: the parts joined, or (for
// formatRangeToParts) an array of {type, value, source} objects.
func (r *Realm) rangeResult(out []srcPart, parts bool) sobek.Value {
	if !parts {
		var sb strings.Builder
		for _, p := range out {
			sb.WriteString(p.val)
		}
		return r.rt.ToValue(sb.String())
	}
	vs := make([]any, len(out))
	for i, p := range out {
		o := r.rt.NewObject()
		_ = o.Set("type", p.typ)
		_ = o.Set("value", p.val)
		_ = o.Set("source", p.src)
		vs[i] = o
	}
	return r.rt.NewArray(vs...)
}

var styleIndex = map[string]int{"long": 0, "short": 1, "narrow": 2}

// relativeTime is RelativeTimeFormat's format and formatToParts.
func (r *Realm) relativeTime(nf *numberSpec, style, numeric string, v float64, unit string, parts bool) sobek.Value {
	si := styleIndex[style]
	past := v < 0 || v == 0 && 1/v < 0
	if numeric == "auto" {
		i := -1
		switch {
		case v == -1:
			i = 0
		case v == 0:
			i = 1
		case v == 1:
			i = 2
		}
		if i >= 0 {
			if p := relAuto[unit][si][i]; p != "" {
				if parts {
					return r.partsArray([]part{{"literal", p}}, "")
				}
				return r.rt.ToValue(p)
			}
		}
	}
	num := nf.format(decimalFromFloat(v))
	k := 0
	if past {
		k = 0
	} else {
		k = 2
	}
	if !pluralOne(num) {
		k++
	}
	before, after, _ := strings.Cut(relTime[unit][si][k], "{0}")
	var ps []part
	if before != "" {
		ps = append(ps, part{"literal", before})
	}
	ps = append(ps, num...)
	if after != "" {
		ps = append(ps, part{"literal", after})
	}
	if parts {
		return r.partsArray(ps, unit)
	}
	return r.rt.ToValue(joinParts(ps))
}

// formatList joins items as en's list patterns do.
func formatList(typ, style string, items []string) []part {
	var two, end, mid string
	switch typ {
	case "disjunction":
		two, end, mid = " or ", ", or ", ", "
	case "unit":
		two, end, mid = ", ", ", ", ", "
		if style == "narrow" {
			two, end, mid = " ", " ", " "
		}
	default:
		switch style {
		case "short":
			two, end, mid = " & ", ", & ", ", "
		case "narrow":
			two, end, mid = ", ", ", ", ", "
		default:
			two, end, mid = " and ", ", and ", ", "
		}
	}
	var out []part
	for i, it := range items {
		if i > 0 {
			sep := mid
			if len(items) == 2 {
				sep = two
			} else if i == len(items)-1 {
				sep = end
			}
			out = append(out, part{"literal", sep})
		}
		out = append(out, part{"element", it})
	}
	return out
}

// segment splits s by granularity: [[index (UTF-16), segment, isWordLike?]].
func (r *Realm) segment(gran, s string) sobek.Value {
	var vs []any
	idx := 0
	add := func(seg string, word int) {
		n := len(utf16.Encode([]rune(seg)))
		if word >= 0 {
			vs = append(vs, r.rt.NewArray(idx, seg, word == 1))
		} else {
			vs = append(vs, r.rt.NewArray(idx, seg))
		}
		idx += n
	}
	rest := s
	state := -1
	for len(rest) > 0 {
		var seg string
		switch gran {
		case "word":
			seg, rest, state = uniseg.FirstWordInString(rest, state)
			add(seg, boolInt(isWordLike(seg)))
		case "sentence":
			seg, rest, state = uniseg.FirstSentenceInString(rest, state)
			add(seg, -1)
		default:
			seg, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			add(seg, -1)
		}
	}
	return r.rt.NewArray(vs...)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isWordLike: ICU's word-like segments are those with a letter or digit.
func isWordLike(seg string) bool {
	for _, ch := range seg {
		if ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch > 0x7f && (unicode.IsLetter(ch) || unicode.IsDigit(ch)) {
			return true
		}
	}
	return false
}

// displayName is DisplayNames.of's name in en; ok false when code is
// not well-formed for the type ("" when there is no name).
func displayName(typ, style, code string) (string, bool) {
	switch typ {
	case "language":
		if canonLocale(code) == "" {
			return "", false
		}
		t, err := language.Parse(code)
		if err != nil {
			return "", true
		}
		return display.English.Tags().Name(t), true
	case "region":
		if !(len(code) == 2 && alpha(code) || len(code) == 3 && isDigits(code)) {
			return "", false
		}
		if code != asciiUpper(code) {
			return "", true // ICU's names are for canonical codes
		}
		reg, err := language.ParseRegion(code)
		if err != nil {
			return "", true
		}
		return display.English.Regions().Name(reg), true
	case "script":
		if len(code) != 4 || !alpha(code) {
			return "", false
		}
		if code != asciiUpper(code[:1])+strings.ToLower(code[1:]) {
			return "", true
		}
		sc, err := language.ParseScript(code)
		if err != nil {
			return "", true
		}
		return display.English.Scripts().Name(sc), true
	case "currency":
		if len(code) != 3 || !alpha(code) {
			return "", false
		}
		if c, ok := currencies[asciiUpper(code)]; ok {
			return c.display, true
		}
		return "", true
	case "calendar":
		if !isUnicodeType(code) {
			return "", false
		}
		if code == "gregory" {
			return "Gregorian Calendar", true
		}
		return "", true
	case "dateTimeField":
		n, ok := map[string]string{"era": "era", "year": "year", "quarter": "quarter", "month": "month", "weekOfYear": "week", "weekday": "day of the week", "day": "day", "dayPeriod": "AM/PM", "hour": "hour", "minute": "minute", "second": "second", "timeZoneName": "time zone"}[code]
		return n, ok
	}
	return "", true
}

func displayCode(typ, code string) string {
	switch typ {
	case "currency":
		return asciiUpper(code)
	case "language":
		return canonLocale(code)
	}
	return code
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
