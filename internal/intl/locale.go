package intl

import (
	"math/big"
	"reflect"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

var (
	typeBigInt = reflect.TypeFor[*big.Int]()
	typeString = reflect.TypeFor[string]()
	typeBool   = reflect.TypeFor[bool]()
	typeFloat  = reflect.TypeFor[float64]()
	typeInt    = reflect.TypeFor[int64]()
)

// canonLocale canonicalizes a BCP 47 tag as ECMA-402 does, "" when it is
// no well-formed Unicode locale identifier. x/text canonicalizes the
// tags it knows (iw -> he, sh -> sr-Latn); a well-formed tag with
// subtags it does not know keeps them, case-normalized.
func canonLocale(s string) string {
	if !wellFormed(s) {
		return ""
	}
	t, err := language.Parse(s)
	var out string
	if err != nil {
		if _, unknown := err.(language.ValueError); !unknown {
			return ""
		}
		out = caseNormal(s)
	} else {
		out = t.String()
	}
	// ECMA-402 drops a Unicode extension keyword's "true" value
	if i := strings.Index(out, "-u-"); i >= 0 {
		subs := strings.Split(out[i+3:], "-")
		var keep []string
		for j, p := range subs {
			if p == "true" && j > 0 && len(subs[j-1]) == 2 {
				continue
			}
			if len(p) == 1 { // another singleton: keep the rest as is
				keep = append(keep, subs[j:]...)
				break
			}
			keep = append(keep, p)
		}
		out = out[:i+3] + strings.Join(keep, "-")
	}
	return out
}

func alpha(s string) bool {
	for _, c := range s {
		if !isLetter(c) {
			return false
		}
	}
	return true
}

func alnum(s string) bool {
	for _, c := range s {
		if !isLetter(c) && !(c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// wellFormed checks unicode_locale_id's syntax.
func wellFormed(s string) bool {
	subs := strings.Split(s, "-")
	for _, p := range subs {
		if p == "" || len(p) > 8 || !alnum(p) {
			return false
		}
	}
	l := subs[0]
	if !alpha(l) || len(l) == 4 || len(l) < 2 {
		return false
	}
	i := 1
	if i < len(subs) && len(subs[i]) == 4 && alpha(subs[i]) {
		i++
	}
	if i < len(subs) && (len(subs[i]) == 2 && alpha(subs[i]) || len(subs[i]) == 3 && !alpha(subs[i]) && alnum(subs[i]) && subs[i][0] >= '0' && subs[i][0] <= '9') {
		i++
	}
	for i < len(subs) && (len(subs[i]) >= 5 || len(subs[i]) == 4 && subs[i][0] >= '0' && subs[i][0] <= '9') {
		i++
	}
	seen := map[string]bool{}
	for i < len(subs) {
		sg := strings.ToLower(subs[i])
		if len(sg) != 1 || seen[sg] {
			return false
		}
		seen[sg] = true
		i++
		n := 0
		for i < len(subs) && len(subs[i]) > 1 {
			if sg != "x" && len(subs[i]) < 2 {
				return false
			}
			i++
			n++
		}
		if n == 0 && sg != "u" || n == 0 {
			return false
		}
		if sg == "x" {
			break
		}
	}
	return i >= len(subs)
}

func caseNormal(s string) string {
	subs := strings.Split(strings.ToLower(s), "-")
	for i := 1; i < len(subs); i++ {
		if len(subs[i-1]) == 1 {
			break
		}
		switch {
		case len(subs[i]) == 4 && alpha(subs[i]) && i == 1:
			subs[i] = strings.ToUpper(subs[i][:1]) + subs[i][1:]
		case len(subs[i]) == 2 && alpha(subs[i]):
			subs[i] = strings.ToUpper(subs[i])
		}
	}
	return strings.Join(subs, "-")
}

// emptySubtag: the tag has an empty subtag (V8 words that error apart).
func emptySubtag(s string) bool {
	return strings.HasSuffix(s, "-") || strings.HasPrefix(s, "-") || strings.Contains(s, "--")
}

func isUnicodeType(s string) bool {
	if s == "" {
		return false
	}
	for _, p := range strings.Split(s, "-") {
		if len(p) < 3 || len(p) > 8 {
			return false
		}
		for _, ch := range p {
			if !(ch >= '0' && ch <= '9' || isLetter(ch)) {
				return false
			}
		}
	}
	return true
}

func isUnit(u string) bool {
	if _, ok := unitPatterns[u]; ok {
		return true
	}
	a, b, ok := strings.Cut(u, "-per-")
	return ok && isSimpleUnit(a) && isSimpleUnit(b)
}

func isSimpleUnit(u string) bool {
	_, ok := unitPatterns[u]
	return ok && !strings.Contains(u, "-per-")
}

// services' locale data. "en": en only (dates, relative time, lists,
// display names: the en data is all jsvm has); "number": languages whose
// number symbols x/text has; "numberEn": en patterns only (currency,
// percent, unit, compact); "collator"/"plural": x/text's collation
// languages.
var localeData struct {
	once     sync.Once
	collator map[string]bool
	number   sync.Map // language -> symbols, read off x/text when first asked
}

func loadLocaleData() {
	localeData.collator = map[string]bool{}
	for _, t := range collate.Supported() {
		b, _ := t.Base()
		localeData.collator[b.String()] = true
	}
}

// numberSymbols are a language's symbols, ok false without x/text data.
func numberSymbols(lang string) (symbols, bool) {
	localeData.once.Do(loadLocaleData)
	if !localeData.collator[lang] || lang == "und" {
		return symbols{}, false
	}
	if s, ok := localeData.number.Load(lang); ok {
		return s.(symbols), true
	}
	s := symbolsFromXText(lang)
	localeData.number.Store(lang, s)
	return s, true
}

// symbolsFromXText reads a language's decimal and group symbols off
// x/text's formatting of 1234.5.
func symbolsFromXText(lang string) symbols {
	s := enSymbols
	p := message.NewPrinter(language.Make(lang))
	out := []rune(p.Sprint(number.Decimal(1234.5)))
	// expect 1<g>234<d>5 with ASCII digits
	if len(out) == 7 && out[0] == '1' && out[2] == '2' && out[6] == '5' {
		s.group, s.decimal = string(out[1]), string(out[5])
	} else if len(out) == 6 && out[0] == '1' && out[5] == '5' {
		s.group, s.decimal = "", string(out[4])
	}
	return s
}

func localeSymbols(locale string) symbols {
	localeData.once.Do(loadLocaleData)
	t, _ := language.Parse(locale)
	b, _ := t.Base()
	r, conf := t.Region()
	s := enSymbols
	if b.String() != "en" {
		if ls, ok := numberSymbols(b.String()); ok {
			s = ls
		}
	}
	switch b.String() {
	case "fr":
		s.group = "\u202f" // CLDR 42's, newer than x/text's
	case "es", "pl", "pt":
		s.minGroup2 = b.String() != "pt" || conf == language.Exact && r.String() == "PT"
	case "hi", "bn":
		s.indian = true
	}
	if b.String() == "en" && conf == language.Exact && r.String() == "IN" {
		s.indian = true
	}
	return s
}

// resolveLocale returns the locale a service uses for requested (its
// language has data; Unicode extension keys outside keys dropped), ""
// when it has none.
func resolveLocale(service, requested, keys string) string {
	localeData.once.Do(loadLocaleData)
	t, err := language.Parse(requested)
	if err != nil {
		return ""
	}
	b, _ := t.Base()
	lang := b.String()
	ok := false
	switch service {
	case "number":
		ok = lang == "en" || localeData.collator[lang] && lang != "und"
	case "collator", "plural":
		ok = localeData.collator[lang]
	default: // en, numberEn, date, display
		ok = lang == "en"
	}
	if !ok {
		return ""
	}
	base, ext, _ := strings.Cut(requested, "-u-")
	if ext == "" {
		return base
	}
	// keep only the relevant keywords
	subs := strings.Split(ext, "-")
	var kept []string
	for i := 0; i < len(subs); i++ {
		k := subs[i]
		if len(k) != 2 {
			continue
		}
		var vals []string
		for i+1 < len(subs) && len(subs[i+1]) > 2 {
			i++
			vals = append(vals, subs[i])
		}
		if !strings.Contains(keys, k) {
			continue
		}
		v := strings.Join(vals, "-")
		switch k {
		case "nu":
			if v != "latn" {
				continue
			}
		case "ca":
			if v != "gregory" {
				continue
			}
		case "co":
			continue
		case "hc":
			if v != "h11" && v != "h12" && v != "h23" && v != "h24" {
				continue
			}
		case "kn":
			if v != "" && v != "false" {
				continue
			}
		case "kf":
			if v != "upper" && v != "lower" && v != "false" {
				continue
			}
		}
		if v == "" {
			kept = append(kept, k)
		} else {
			kept = append(kept, k+"-"+v)
		}
	}
	if len(kept) == 0 {
		return base
	}
	return base + "-u-" + strings.Join(kept, "-")
}

// localeKeyword reads a Unicode extension keyword of tag.
func localeKeyword(tag, key string) (string, bool) {
	_, ext, _ := strings.Cut(tag, "-u-")
	if ext == "" {
		return "", false
	}
	subs := strings.Split(ext, "-")
	for i := 0; i < len(subs); i++ {
		if subs[i] != key {
			continue
		}
		var vals []string
		for i+1 < len(subs) && len(subs[i+1]) > 2 {
			i++
			vals = append(vals, subs[i])
		}
		return strings.Join(vals, "-"), true
	}
	return "", false
}

func setKeyword(tag, key, val string) string {
	base, ext, _ := strings.Cut(tag, "-u-")
	kw := map[string]string{}
	var order []string
	if ext != "" {
		subs := strings.Split(ext, "-")
		for i := 0; i < len(subs); i++ {
			k := subs[i]
			var vals []string
			for i+1 < len(subs) && len(subs[i+1]) > 2 {
				i++
				vals = append(vals, subs[i])
			}
			kw[k] = strings.Join(vals, "-")
			order = append(order, k)
		}
	}
	if _, ok := kw[key]; !ok {
		order = append(order, key)
	}
	kw[key] = val
	sort.Strings(order)
	var parts []string
	for _, k := range order {
		if v := kw[k]; v != "" && v != "true" {
			parts = append(parts, k+"-"+v)
		} else {
			parts = append(parts, k)
		}
	}
	return base + "-u-" + strings.Join(parts, "-")
}

// localeWith applies Intl.Locale's options to tag; "" when invalid.
func localeWith(tag string, opts map[string]string) string {
	c := canonLocale(tag)
	if c == "" {
		return ""
	}
	t, _ := language.Parse(c)
	base, ext, _ := strings.Cut(c, "-u-")
	if v, ok := opts["language"]; ok || opts["script"] != "" || opts["region"] != "" {
		b, s, r := t.Raw()
		lang, scr, reg := b.String(), "", ""
		if s.String() != "Zzzz" {
			scr = s.String()
		}
		if r.String() != "ZZ" {
			reg = r.String()
		}
		if ok {
			lang = v
		}
		if v, ok := opts["script"]; ok {
			scr = v
		}
		if v, ok := opts["region"]; ok {
			reg = v
		}
		nb := lang
		if scr != "" {
			nb += "-" + scr
		}
		if reg != "" {
			nb += "-" + reg
		}
		base = canonLocale(nb)
		if base == "" {
			return ""
		}
	}
	out := base
	if ext != "" {
		out += "-u-" + ext
	}
	for _, kv := range [][2]string{{"calendar", "ca"}, {"collation", "co"}, {"hourCycle", "hc"}, {"caseFirst", "kf"}, {"numeric", "kn"}, {"numberingSystem", "nu"}} {
		if v, ok := opts[kv[0]]; ok {
			if kv[0] == "hourCycle" && v != "h11" && v != "h12" && v != "h23" && v != "h24" {
				return ""
			}
			out = setKeyword(out, kv[1], v)
		}
	}
	return canonLocale(out)
}

func localeMaximize(tag string, max bool) string {
	base, ext, _ := strings.Cut(tag, "-u-")
	t, err := language.Parse(base)
	if err != nil {
		return tag
	}
	var out string
	if max {
		b, s, r := t.Raw()
		if b.String() == "und" {
			out = base
		} else {
			mb, _ := t.Base()
			ms, _ := t.Script()
			mr, _ := t.Region()
			_, _, _ = b, s, r
			out = mb.String() + "-" + ms.String() + "-" + mr.String()
		}
	} else {
		b, _ := t.Base()
		mt := language.Make(b.String())
		ms, _ := mt.Script()
		mr, _ := mt.Region()
		ts, _ := t.Script()
		tr, _ := t.Region()
		out = b.String()
		if ts != ms {
			out += "-" + ts.String()
		}
		if tr != mr {
			out += "-" + tr.String()
		}
	}
	if ext != "" {
		out += "-u-" + ext
	}
	return out
}

// localePart is an Intl.Locale getter's value; "\x00true"/"\x00false"
// for booleans.
func localePart(tag, part string) (string, bool) {
	base, _, _ := strings.Cut(tag, "-u-")
	t, _ := language.Parse(base)
	b, s, r := t.Raw()
	switch part {
	case "language":
		return b.String(), true
	case "script":
		if s.String() == "Zzzz" {
			return "", false
		}
		return s.String(), true
	case "region":
		if r.String() == "ZZ" {
			return "", false
		}
		return r.String(), true
	case "baseName":
		return base, true
	case "calendars", "collations", "hourCycles", "numberingSystems":
		key := map[string]string{"calendars": "ca", "collations": "co", "hourCycles": "hc", "numberingSystems": "nu"}[part]
		if v, ok := localeKeyword(tag, key); ok {
			return "\x00list:" + v, true
		}
		return "\x00list:" + map[string]string{"calendars": "gregory", "collations": "emoji,eor", "hourCycles": "h12", "numberingSystems": "latn"}[part], true
	case "textInfo":
		switch b.String() {
		case "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb":
			return "\x00text:rtl", true
		}
		return "\x00text:ltr", true
	case "weekInfo":
		return "\x00week", true
	case "numeric":
		v, ok := localeKeyword(tag, "kn")
		if ok && (v == "" || v == "true") {
			return "\x00true", true
		}
		return "\x00false", true
	}
	key := map[string]string{"calendar": "ca", "caseFirst": "kf", "collation": "co", "hourCycle": "hc", "numberingSystem": "nu"}[part]
	return localeKeyword(tag, key)
}

func supportedValues(key string) ([]string, bool) {
	var out []string
	switch key {
	case "calendar":
		out = []string{"gregory"}
	case "collation":
		out = []string{"default"}
	case "currency":
		for k := range currencies {
			out = append(out, k)
		}
	case "numberingSystem":
		out = []string{"latn"}
	case "timeZone":
		return append([]string(nil), timeZones...), true
	case "unit":
		for k := range unitPatterns {
			if isSimpleUnit(k) {
				out = append(out, k)
			}
		}
	default:
		return nil, false
	}
	sort.Strings(out)
	return out, true
}
