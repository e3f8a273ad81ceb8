package engine

import (
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unsafe"
	"weak"

	"github.com/dlclark/regexp2"
	"github.com/grafana/sobek"
)

// The d (hasIndices) and v (unicodeSets) flags, which sobek refuses. A
// construction with either (the constructor's hook, regexpctor.go; a
// literal is rewritten to one, regexplit.go) compiles the pattern without
// d, and with u for v after translating the v syntax (regexpsets.go), then
// records the flags of the new RegExp here (weakly, by object) and clears
// sobek's "standard" mark of it, so that sobek's Symbol methods take their
// generic paths, which call exec: the realm's guarded exec (regexguard.go)
// adds `indices` to a match of a d RegExp, from the group positions of a
// regexp2 run of the same compiled pattern at the match's index.
// RegExp.prototype's hasIndices and unicodeSets getters, unicode (false
// for v) and flags read the record. Only d and v RegExps pay anything.

// rxFlags is what a d or v RegExp records.
type rxFlags struct {
	d, v bool
	// flags: the flags the RegExp was made with ("dg"), source its
	// pattern as written (before any rewrite)
	flags  string
	source sobek.String
	// names: its capturing groups' names ("" unnamed), nil without names
	names []string
	// emptyAt: the index of the last exec's empty match when a surrogate
	// pair starts there, else -1 (stepOverPair)
	emptyAt  int64
	backedUp int64 // the emptyAt a sticky exec last stepped back to
	subject  subjectRunes
}

// subjectRunes is the last subject of a d RegExp's exec as regexp2's
// runes: UTF-16 code units, or code points (uni) with each one's index.
type subjectRunes struct {
	s     sobek.String
	uni   bool
	runes []rune
	pos   []int
}

// sobek's Symbol methods step over an empty match by one code unit
// unless the flags say u (ES2024: u or v), so a v RegExp's next exec
// starts inside the pair, which exec steps back to its start: the same
// empty match again, for ever. stepOverPair moves such a lastIndex (the
// last empty match's index + 1, inside its pair) past the pair, as
// AdvanceStringIndex with v does; noteEmptyMatch records the match.
//
// A sticky exec of sobek's does not step back from inside a pair, as V8's
// does for u and v (sobek's split, which advances by code units, makes
// one): stepOverPair steps back.
func (f *rxFlags) stepOverPair(o *sobek.Object, subject sobek.Value) {
	at := f.emptyAt
	f.emptyAt = -1
	li := o.Get("lastIndex")
	if li == nil || li.ExportType() != reflect.TypeFor[int64]() {
		return
	}
	i := li.ToInteger()
	sticky := strings.Contains(f.flags, "y")
	if at >= 0 && i == at+1 {
		if sticky && f.backedUp != at {
			// split's next position: V8's sticky exec there matches at
			// the pair's start (once: a loop of matches then steps over)
			f.backedUp = at
			_ = o.Set("lastIndex", at)
			return
		}
		_ = o.Set("lastIndex", at+2)
		return
	}
	if s, ok := subject.(sobek.String); ok && sticky && i > 0 && i < int64(s.Length()) {
		if c, d := s.CharAt(int(i-1)), s.CharAt(int(i)); c >= 0xD800 && c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF {
			_ = o.Set("lastIndex", i-1)
		}
	}
}

func (f *rxFlags) noteEmptyMatch(res sobek.Value) {
	m, ok := res.(*sobek.Object)
	if !ok {
		return
	}
	if s, ok := m.Get("0").(sobek.String); !ok || s.Length() != 0 {
		return
	}
	in, ok := m.Get("input").(sobek.String)
	if !ok {
		return
	}
	p := m.Get("index").ToInteger()
	if p >= 0 && p+1 < int64(in.Length()) {
		if c, d := in.CharAt(int(p)), in.CharAt(int(p+1)); c >= 0xD800 && c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF {
			f.emptyAt = p
		}
	}
}

var rxRecords sync.Map // weak.Pointer[sobek.Object] -> *rxFlags

func recordFlags(o *sobek.Object, f *rxFlags) {
	p := regexpData(o)
	if p == nil {
		return
	}
	*(*bool)(unsafe.Add(p, regexLayout.standardOff)) = false
	k := weak.Make(o)
	rxRecords.Store(k, f)
	runtime.AddCleanup(o, func(k weak.Pointer[sobek.Object]) { rxRecords.Delete(k) }, k)
}

// flagsOf is o's record, nil for a RegExp made without d or v (a standard
// RegExp has none: no lookup).
func flagsOf(o *sobek.Object) *rxFlags {
	p := regexpData(o)
	if p == nil || *(*bool)(unsafe.Add(p, regexLayout.standardOff)) {
		return nil
	}
	if f, ok := rxRecords.Load(weak.Make(o)); ok {
		return f.(*rxFlags)
	}
	return nil
}

// extraFlags converts the arguments of a RegExp construction with a d or
// v flag (string flags, or a d/v RegExp as pattern with flags absent) to
// ones sobek takes: d dropped, v made u with the pattern translated. The
// record for the new RegExp is nil when there is nothing to convert.
func extraFlags(rt *sobek.Runtime, args []sobek.Value) ([]sobek.Value, *rxFlags) {
	if len(args) == 0 {
		return args, nil
	}
	var flags string
	var pattern sobek.String
	fv := argOrUndefined(args, 1)
	if fo, ok := fv.(*sobek.Object); ok {
		if _, patObj := args[0].(*sobek.Object); patObj && !isRegExp(args[0].(*sobek.Object)) {
			return args, nil // the pattern's conversion comes first: sobek's
		}
		// ToString(flags) once, here (the pattern's runs no code)
		fv = toStringOf(rt, fo)
		args = append([]sobek.Value{args[0], fv}, args[2:]...)
	}
	switch fv := fv.(type) {
	case sobek.String:
		flags = fv.String()
		if !strings.ContainsAny(flags, "dv") {
			return args, nil
		}
		if ro, ok := args[0].(*sobek.Object); ok {
			if isRegExp(ro) {
				if rec := flagsOf(ro); rec != nil {
					pattern = rec.source
				} else if pattern = originalSource(ro); pattern == nil {
					return args, nil
				}
			} else {
				return args, nil // a conversion of the pattern's own: sobek's
			}
		} else if ps, ok := args[0].(sobek.String); ok {
			pattern = ps
		} else if sobek.IsUndefined(args[0]) {
			pattern = stringValue("")
		} else {
			return args, nil
		}
	default:
		if !sobek.IsUndefined(fv) {
			return args, nil
		}
		ro, ok := args[0].(*sobek.Object)
		if !ok {
			return args, nil
		}
		rec := flagsOf(ro)
		if rec == nil {
			return args, nil
		}
		flags, pattern = rec.flags, rec.source
	}
	if !validFlags(flags) || strings.Contains(flags, "u") && strings.Contains(flags, "v") {
		panic(NewSyntaxError(rt, "Invalid flags supplied to RegExp constructor '"+flags+"'"))
	}
	rec := &rxFlags{d: strings.Contains(flags, "d"), v: strings.Contains(flags, "v"), flags: flags, source: pattern, emptyAt: -1, backedUp: -1}
	sflags := strings.ReplaceAll(strings.ReplaceAll(flags, "d", ""), "v", "u")
	p := pattern
	if rec.v {
		t, bad := translateUnicodeSets(pattern.String(), flags)
		if bad != "" {
			panic(NewSyntaxError(rt, "Invalid regular expression: /"+pattern.String()+"/"+flags+": "+bad))
		}
		p = stringValue(t)
	}
	return []sobek.Value{p, stringValue(sflags)}, rec
}

// flaggedPatternAsString: a d or v RegExp as the pattern of a
// construction with string flags is its source as written (recompiled
// with those flags, as V8's [[OriginalSource]]).
func flaggedPatternAsString(args []sobek.Value) []sobek.Value {
	if len(args) < 2 {
		return args
	}
	ro, ok := args[0].(*sobek.Object)
	if !ok {
		return args
	}
	if _, isStr := args[1].(sobek.String); !isStr {
		return args
	}
	if rec := flagsOf(ro); rec != nil {
		return append([]sobek.Value{rec.source}, args[1:]...)
	}
	return args
}

func argOrUndefined(args []sobek.Value, i int) sobek.Value {
	if i < len(args) && args[i] != nil {
		return args[i]
	}
	return sobek.Undefined()
}

// patternFields: offsets in sobek's regexpPattern of the text it compiled
// and of its flags, found once from the RegExp layout.
var patternFields struct {
	once                                    sync.Once
	ok                                      bool
	src, multiline, dotAll, ignoreCase, uni uintptr
}

func findPatternFields() {
	if !RegExpGuardWorks() {
		return
	}
	pat, ok := regexLayout.rxType.Elem().FieldByName("pattern")
	if !ok || pat.Type.Kind() != reflect.Pointer {
		return
	}
	t := pat.Type.Elem()
	get := func(name string, kind reflect.Kind) (uintptr, bool) {
		f, ok := t.FieldByName(name)
		if !ok || f.Type.Kind() != kind || len(f.Index) != 1 {
			return 0, false
		}
		return f.Offset, true
	}
	var oks [5]bool
	p := &patternFields
	p.src, oks[0] = get("src", reflect.String)
	p.multiline, oks[1] = get("multiline", reflect.Bool)
	p.dotAll, oks[2] = get("dotAll", reflect.Bool)
	p.ignoreCase, oks[3] = get("ignoreCase", reflect.Bool)
	p.uni, oks[4] = get("unicode", reflect.Bool)
	p.ok = oks == [5]bool{true, true, true, true, true}
}

// compiled is a regexp2 program of a pattern text and options, shared.
var compiled struct {
	sync.Mutex
	m map[string]*regexp2.Regexp
}

// regexp2Of compiles o's pattern as sobek does for regexp2 (the text it
// compiled, ECMAScript options), once per text and options.
func regexp2Of(o *sobek.Object) (*regexp2.Regexp, bool) {
	patternFields.once.Do(findPatternFields)
	pat := patternOf(o)
	if !patternFields.ok || pat == nil {
		return nil, false
	}
	src := *(*string)(unsafe.Add(pat, patternFields.src))
	flag := func(off uintptr) bool { return *(*bool)(unsafe.Add(pat, off)) }
	var opts regexp2.RegexOptions = regexp2.ECMAScript
	key := []byte("....")
	if flag(patternFields.multiline) {
		opts |= regexp2.Multiline
		key[0] = 'm'
	}
	if flag(patternFields.dotAll) {
		opts |= regexp2.Singleline
		key[1] = 's'
	}
	if flag(patternFields.ignoreCase) {
		opts |= regexp2.IgnoreCase
		key[2] = 'i'
	}
	uni := flag(patternFields.uni)
	if uni {
		opts |= regexp2.Unicode
		key[3] = 'u'
	}
	k := string(key) + src
	compiled.Lock()
	defer compiled.Unlock()
	if re, ok := compiled.m[k]; ok {
		return re, uni
	}
	re, err := regexp2.Compile(src, opts)
	if err != nil {
		return nil, false
	}
	if compiled.m == nil || len(compiled.m) >= 1024 {
		compiled.m = map[string]*regexp2.Regexp{}
	}
	compiled.m[k] = re
	return re, uni
}

// addIndices gives m, a match of the d RegExp o, its indices (and, as
// V8 orders them, a groups property before it).
func addIndices(rt *sobek.Runtime, o *sobek.Object, rec *rxFlags, res sobek.Value) {
	m, ok := res.(*sobek.Object)
	if !ok {
		return
	}
	re, uni := regexp2Of(o)
	if re == nil {
		return
	}
	s := toStr(m.Get("input"))
	start := int(m.Get("index").ToInteger())
	n := s.Length()
	// the subject as regexp2 reads it, kept for the next exec of a loop
	// over the same string (as sobek's own match cache)
	c := &rec.subject
	if c.s == nil || c.uni != uni || !c.s.SameAs(s) {
		*c = subjectRunes{s: s, uni: uni}
		if uni {
			c.runes = make([]rune, 0, n)
			c.pos = make([]int, 0, n+1)
			for i := 0; i < n; {
				u := s.CharAt(i)
				c.pos = append(c.pos, i)
				if u >= 0xD800 && u <= 0xDBFF && i+1 < n {
					if d := s.CharAt(i + 1); d >= 0xDC00 && d <= 0xDFFF {
						c.runes = append(c.runes, (rune(u)-0xD800)<<10+(rune(d)-0xDC00)+0x10000)
						i += 2
						continue
					}
				}
				c.runes = append(c.runes, rune(u))
				i++
			}
			c.pos = append(c.pos, n)
		} else {
			c.runes = make([]rune, n)
			for i := range c.runes {
				c.runes[i] = rune(s.CharAt(i))
			}
		}
	}
	runes, pos := c.runes, c.pos
	from := start
	if uni {
		from = sort.SearchInts(pos, start)
		if from >= len(pos) || pos[from] != start {
			return
		}
	}
	match, err := re.FindRunesMatchStartingAt(runes, from)
	if err != nil || match == nil {
		return
	}
	at := func(i int) int {
		if uni {
			return pos[i]
		}
		return i
	}
	groups := match.Groups()
	if len(groups) == 0 || at(groups[0].Index) != start {
		return
	}
	vals := make([]any, len(groups))
	for i, g := range groups {
		if len(g.Captures) == 0 {
			vals[i] = sobek.Undefined()
			continue
		}
		vals[i] = rt.NewArray(at(g.Index), at(g.Index+g.Length))
	}
	indices := rt.NewArray(vals...)
	var ig sobek.Value = sobek.Undefined()
	if rec.names != nil {
		g := rt.NewObject()
		_ = g.SetPrototype(nil)
		for i, name := range rec.names {
			if name != "" && i+1 < len(vals) {
				_ = g.Set(name, vals[i+1])
			}
		}
		ig = g
	}
	_ = indices.Set("groups", ig)
	if m.Get("groups") == nil {
		_ = m.Set("groups", sobek.Undefined())
	}
	_ = m.Set("indices", indices)
}
