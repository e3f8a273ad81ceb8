package intl

import (
	"github.com/grafana/sobek"
)

// numberRange is NumberFormat's formatRange(ToParts) as ICU's en: an
// en dash between the two, spaced when a side ends in a non-digit; a
// unit said once after both; "~" when both render the same.
func (r *Realm) numberRange(s *numberSpec, a, b decimal, parts bool) sobek.Value {
	if a.nan || b.nan {
		panic(r.rangeError("Invalid start : NaN"))
	}
	pa, pb := s.format(a), s.format(b)
	var out []srcPart
	if joinParts(pa) == joinParts(pb) {
		out = append(out, srcPart{part{"approximatelySign", "~"}, "shared"})
		for _, p := range pa {
			out = append(out, srcPart{p, "shared"})
		}
	} else {
		var tail []part
		if s.style == "unit" {
			// the unit (and its space) once, after both
			k := 0
			for k < len(pa) && k < len(pb) {
				x, y := pa[len(pa)-1-k], pb[len(pb)-1-k]
				if x != y || x.typ != "unit" && x.typ != "literal" {
					break
				}
				k++
			}
			if k > 0 {
				tail = pa[len(pa)-k:]
				pa, pb = pa[:len(pa)-k], pb[:len(pb)-k]
			}
		}
		sep := "–"
		last, first := joinParts(pa), joinParts(pb)
		if last != "" && first != "" && (!isDigitByte(last[len(last)-1]) || !isDigitByte(first[0])) {
			sep = " – "
		}
		for _, p := range pa {
			out = append(out, srcPart{p, "startRange"})
		}
		out = append(out, srcPart{part{"literal", sep}, "shared"})
		for _, p := range pb {
			out = append(out, srcPart{p, "endRange"})
		}
		for _, p := range tail {
			out = append(out, srcPart{p, "shared"})
		}
	}
	return r.rangeResult(out, parts)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
