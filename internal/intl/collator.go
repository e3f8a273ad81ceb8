package intl

import (
	"strings"
	"sync"
	"unicode"

	"github.com/grafana/sobek"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator is an Intl.Collator's comparison: x/text's collation (CLDR's
// root order and tailorings, as ICU's) with ECMA-402's options mapped to
// collation strengths. caseFirst, which x/text lacks, reorders strings
// that differ only in case.
type collator struct {
	mu          sync.Mutex // x/text's Collator keeps buffers: one compare at a time
	c           *collate.Collator
	tertiary    *collate.Collator // for caseFirst
	caseFirst   string
	caseLevel   bool // sensitivity case
	ignorePunct bool
}

func collatorLocale(loc, kn, kf string) (string, string, string) {
	// options override the locale's keywords; V8 reports a keyword in the
	// locale only when it came from the locale and no option overrode it
	tkn, hasKn := localeKeyword(loc, "kn")
	tkf, hasKf := localeKeyword(loc, "kf")
	base, _, _ := strings.Cut(loc, "-u-")
	out := languageScript(base)
	var kw []string
	// V8 keeps the locale's keywords in the locale even where an option
	// overrides their value
	if hasKf {
		kw = append(kw, "kf-"+tkf)
		if kf == "" {
			kf = tkf
		}
	}
	if hasKn {
		if tkn == "" || tkn == "true" {
			kw = append(kw, "kn")
			tkn = "true"
		} else {
			kw = append(kw, "kn-"+tkn)
		}
		if kn == "" {
			kn = tkn
		}
	}
	if len(kw) > 0 {
		out += "-u-" + strings.Join(kw, "-")
	}
	return out, kn, kf
}

func newCollator(o *sobek.Object) *collator {
	loc := o.Get("locale").String()
	base, _, _ := strings.Cut(loc, "-u-")
	tag, _ := language.Parse(base)
	var opts []collate.Option
	sens := o.Get("sensitivity").String()
	switch sens {
	case "base", "case":
		opts = append(opts, collate.IgnoreCase, collate.IgnoreDiacritics, collate.IgnoreWidth)
	case "accent":
		opts = append(opts, collate.IgnoreCase, collate.IgnoreWidth)
	}
	if o.Get("numeric").ToBoolean() {
		opts = append(opts, collate.Numeric)
	}
	c := &collator{c: collate.New(tag, opts...), caseLevel: sens == "case", ignorePunct: o.Get("ignorePunctuation").ToBoolean()}
	if cf := o.Get("caseFirst").String(); cf == "upper" && sens != "base" && sens != "accent" {
		c.caseFirst = cf
		c.tertiary = collate.New(tag, collate.IgnoreCase)
	}
	return c
}

func (c *collator) compare(a, b string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ignorePunct {
		// ICU's alternate=shifted: spaces and punctuation do not count
		a, b = stripVariable(a), stripVariable(b)
	}
	if c.caseFirst == "upper" {
		if c.tertiary.CompareString(a, b) == 0 {
			return c.c.CompareString(swapCase(a), swapCase(b))
		}
	}
	r := c.c.CompareString(a, b)
	if r == 0 && c.caseLevel {
		// ICU's case level on primary strength: lower before upper
		return caseOrder(a, b)
	}
	return r
}

func stripVariable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func caseOrder(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		ua, ub := unicode.IsUpper(ra[i]), unicode.IsUpper(rb[i])
		if ua != ub {
			if ua {
				return 1
			}
			return -1
		}
	}
	return 0
}

// languageScript drops a tag's region and variants: ICU's collation and
// plural data are per language (ja-JP -> ja).
func languageScript(tag string) string {
	t, err := language.Parse(tag)
	if err != nil || tag == "en-US" { // ICU has en_US's own
		return tag
	}
	b, s, _ := t.Raw()
	if s.String() != "Zzzz" {
		return b.String() + "-" + s.String()
	}
	return b.String()
}

func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		if unicode.IsLower(r) {
			return unicode.ToUpper(r)
		}
		return r
	}, s)
}
