package engine

import (
	"encoding/base64"
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
)

// The Unicode property escapes V8 accepts (ECMA-262's tables of binary
// properties, General_Category and Script / Script_Extensions values),
// expanded by expandProperties. Go's unicode tables where they hold V8's
// data; recorded from node where Go lacks the property (Emoji,
// Extended_Pictographic, XID_Start, Assigned, Script_Extensions, the newest
// scripts, the scripts' short names) or where its tables differ from
// node's ICU (many general categories and scripts: Go's tables are of an
// older Unicode than V8's), in unicodeprops_gen.go, made by
// gen/unicodeprops. TestPropertiesMatchV8 compares every expression with
// V8's fingerprint. A name V8 refuses is V8's SyntaxError (Invalid
// property name).

// goBinary are the binary properties taken from unicode.Properties
// (kept in step with gen/unicodeprops).
var goBinary = map[string]bool{"ASCII_Hex_Digit": true, "Bidi_Control": true, "Dash": true, "Deprecated": true,
	"Diacritic": true, "Extender": true, "Hex_Digit": true, "IDS_Binary_Operator": true, "IDS_Trinary_Operator": true,
	"Ideographic": true, "Join_Control": true, "Logical_Order_Exception": true, "Noncharacter_Code_Point": true,
	"Pattern_Syntax": true, "Pattern_White_Space": true, "Quotation_Mark": true, "Radical": true,
	"Regional_Indicator": true, "Sentence_Terminal": true, "Soft_Dotted": true, "Terminal_Punctuation": true,
	"Unified_Ideograph": true, "Variation_Selector": true, "White_Space": true}

// binaryProps are ECMA-262's binary properties by name and alias.
var binaryProps = func() map[string]string {
	m := map[string]string{}
	for _, p := range [...][2]string{{"ASCII", ""}, {"ASCII_Hex_Digit", "AHex"}, {"Alphabetic", "Alpha"}, {"Any", ""},
		{"Assigned", ""}, {"Bidi_Control", "Bidi_C"}, {"Bidi_Mirrored", "Bidi_M"}, {"Case_Ignorable", "CI"}, {"Cased", ""},
		{"Changes_When_Casefolded", "CWCF"}, {"Changes_When_Casemapped", "CWCM"}, {"Changes_When_Lowercased", "CWL"},
		{"Changes_When_NFKC_Casefolded", "CWKCF"}, {"Changes_When_Titlecased", "CWT"}, {"Changes_When_Uppercased", "CWU"},
		{"Dash", ""}, {"Default_Ignorable_Code_Point", "DI"}, {"Deprecated", "Dep"}, {"Diacritic", "Dia"}, {"Emoji", ""},
		{"Emoji_Component", "EComp"}, {"Emoji_Modifier", "EMod"}, {"Emoji_Modifier_Base", "EBase"},
		{"Emoji_Presentation", "EPres"}, {"Extended_Pictographic", "ExtPict"}, {"Extender", "Ext"},
		{"Grapheme_Base", "Gr_Base"}, {"Grapheme_Extend", "Gr_Ext"}, {"Hex_Digit", "Hex"}, {"IDS_Binary_Operator", "IDSB"},
		{"IDS_Trinary_Operator", "IDST"}, {"ID_Continue", "IDC"}, {"ID_Start", "IDS"}, {"Ideographic", "Ideo"},
		{"Join_Control", "Join_C"}, {"Logical_Order_Exception", "LOE"}, {"Lowercase", "Lower"}, {"Math", ""},
		{"Noncharacter_Code_Point", "NChar"}, {"Pattern_Syntax", "Pat_Syn"}, {"Pattern_White_Space", "Pat_WS"},
		{"Quotation_Mark", "QMark"}, {"Radical", ""}, {"Regional_Indicator", "RI"}, {"Sentence_Terminal", "STerm"},
		{"Soft_Dotted", "SD"}, {"Terminal_Punctuation", "Term"}, {"Unified_Ideograph", "UIdeo"}, {"Uppercase", "Upper"},
		{"Variation_Selector", "VS"}, {"White_Space", "space"}, {"XID_Continue", "XIDC"}, {"XID_Start", "XIDS"}} {
		m[p[0]] = p[0]
		if p[1] != "" {
			m[p[1]] = p[0]
		}
	}
	return m
}()

var decoded sync.Map // key of v8Props -> [][2]rune

// recordedRanges decodes v8Props[key] (base64 of uvarints: each range's
// distance from the end of the one before, and its length less one).
func recordedRanges(key string) ([][2]rune, bool) {
	if v, ok := decoded.Load(key); ok {
		return v.([][2]rune), true
	}
	enc, ok := v8Props[key]
	if !ok {
		return nil, false
	}
	buf, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return nil, false
	}
	var rs [][2]rune
	prev := rune(-1)
	for len(buf) > 0 {
		gap, n := binary.Uvarint(buf)
		if n <= 0 {
			return nil, false
		}
		size, m := binary.Uvarint(buf[n:])
		if m <= 0 {
			return nil, false
		}
		buf = buf[n+m:]
		lo := prev + 1 + rune(gap)
		rs = append(rs, [2]rune{lo, lo + rune(size)})
		prev = lo + rune(size)
	}
	decoded.Store(key, rs)
	return rs, true
}

// propertyRanges returns the ranges of a property expression (what is
// between the braces of \p{..}), or false when V8 refuses it.
func propertyRanges(name string) ([][2]rune, bool) {
	if k, v, ok := strings.Cut(name, "="); ok {
		switch k {
		case "General_Category", "gc":
			return categoryRanges(v)
		case "Script", "sc":
			return scriptRanges(v, false)
		case "Script_Extensions", "scx":
			return scriptRanges(v, true)
		}
		return nil, false
	}
	if rs, ok := categoryRanges(name); ok {
		return rs, true
	}
	long, ok := binaryProps[name]
	if !ok {
		return nil, false
	}
	if rs, ok := recordedRanges(long); ok {
		return rs, true
	}
	if t, ok := unicode.Properties[long]; ok && goBinary[long] {
		return rangesOf([]*unicode.RangeTable{t}), true
	}
	return nil, false
}

func categoryRanges(v string) ([][2]rune, bool) {
	if a, ok := generalCategoryAliases[v]; ok {
		v = a
	}
	if rs, ok := recordedRanges("gc=" + v); ok {
		return rs, true
	}
	if len(v) > 2 {
		return nil, false // a script's or property's name
	}
	if t, ok := unicode.Categories[v]; ok {
		return rangesOf([]*unicode.RangeTable{t}), true
	}
	return nil, false
}

func scriptRanges(v string, extensions bool) ([][2]rune, bool) {
	if long, ok := v8ScriptAliases[v]; ok {
		v = long
	}
	if extensions {
		if rs, ok := recordedRanges("scx=" + v); ok {
			return rs, true
		}
	}
	if rs, ok := recordedRanges("sc=" + v); ok {
		return rs, true
	}
	if t, ok := unicode.Scripts[v]; ok {
		return rangesOf([]*unicode.RangeTable{t}), true
	}
	return nil, false
}
