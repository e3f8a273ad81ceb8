package engine

import (
	"strconv"
	"unsafe"

	"github.com/grafana/sobek"
)

// RegExp's legacy static properties, as V8 has them (no receiver checks,
// no subclass exemption): input and $_ (writable), lastMatch and $&,
// lastParen and $+, leftContext and $`, rightContext and $', $1 to $9,
// accessors on each realm's RegExp, set by every successful match of the
// realm's builtins (exec, test, and the Symbol methods behind String's
// match, matchAll, replace, replaceAll, search and split). showdown reads
// RegExp.$1 after test().
//
// exec and test (test runs the builtin exec) record their match at once.
// The fast paths of the Symbol methods, taken for a standard RegExp, find
// their matches inside sobek without an exec the wrapper sees, so they
// record what to replay instead — the RegExp, its compiled pattern, the
// subject and the kind of scan — and the first read of a static property
// replays the scan on a clone with the builtin exec: only code that reads
// the statics pays for them. A replay that finds no match (a replace that
// left the string as it was may have matched nothing) keeps the previous
// match, as V8 does; a RegExp recompiled (compile()) before the read is
// not replayed.

type lastMatch struct {
	subject sobek.String
	input   sobek.Value   // input/$_: the subject, or what was assigned
	caps    []sobek.Value // match, then each group (undefined unmatched)
	index   int
}

type replayKind int

const (
	replayOnce   replayKind = iota // one exec from start
	replayGlobal                   // a global scan: the last match
	replaySplit                    // split's scan, up to lim pieces
)

type pendingMatch struct {
	rx      *sobek.Object
	pattern unsafe.Pointer
	subject sobek.String
	kind    replayKind
	start   sobek.Value
	lim     int64
}

func patternOf(rx *sobek.Object) unsafe.Pointer {
	p := regexpData(rx)
	if p == nil {
		return nil
	}
	return *(*unsafe.Pointer)(unsafe.Add(p, regexLayout.patternOff))
}

// recordExec records the result of a builtin exec.
func (g *regexGuard) recordExec(res sobek.Value) {
	m, ok := res.(*sobek.Object)
	if !ok {
		return
	}
	subj, ok := m.Get("input").(sobek.String)
	if !ok {
		return
	}
	n := int(m.Get("length").ToInteger())
	caps := make([]sobek.Value, n)
	for i := range caps {
		caps[i] = m.Get(strconv.Itoa(i))
		if caps[i] == nil {
			caps[i] = sobek.Undefined()
		}
	}
	g.pending = nil
	g.last = lastMatch{subject: subj, input: subj, caps: caps, index: int(m.Get("index").ToInteger())}
}

// recordPending records a fast path's scan; matched says whether the
// call is known to have matched (else the replay decides).
func (g *regexGuard) recordPending(p *pendingMatch, matched bool) {
	if p.pattern == nil {
		return
	}
	if !matched && g.pending != nil {
		g.resolve() // the previous scan decides what a failed one keeps
	}
	g.pending = p
}

// resolve replays the pending scan, if any.
func (g *regexGuard) resolve() {
	p := g.pending
	if p == nil {
		return
	}
	g.pending = nil
	if g.exec == nil || patternOf(p.rx) != p.pattern {
		return
	}
	ctor := Intrinsic(g.rt, "RegExp")
	if ctor == nil {
		return
	}
	var args []sobek.Value
	args = append(args, p.rx)
	if p.kind == replaySplit {
		// a global search of the same pattern
		fl := toStr(p.rx.Get("flags")).String()
		nf := "g"
		for _, c := range fl {
			if c != 'g' && c != 'y' {
				nf += string(c)
			}
		}
		args = append(args, g.rt.ToValue(nf))
	}
	c, err := g.rt.New(ctor, args...)
	if err != nil {
		return
	}
	exec := func(at sobek.Value) *sobek.Object {
		if err := c.Set("lastIndex", at); err != nil {
			return nil
		}
		v, err := g.exec(c, p.subject)
		if err != nil {
			return nil
		}
		m, _ := v.(*sobek.Object)
		return m
	}
	var last *sobek.Object
	switch p.kind {
	case replayOnce:
		last = exec(p.start)
	case replayGlobal:
		unicode := c.Get("unicode").ToBoolean()
		m := exec(g.rt.ToValue(0))
		for m != nil {
			last = m
			if toStr(m.Get("0")).Length() == 0 {
				li := c.Get("lastIndex").ToInteger()
				next := advanceIndex(p.subject, li, unicode)
				if err := c.Set("lastIndex", next); err != nil {
					break
				}
			}
			v, err := g.exec(c, p.subject)
			if err != nil {
				break
			}
			m, _ = v.(*sobek.Object)
		}
	case replaySplit:
		last = g.replaySplit(c, exec, p)
	}
	if last != nil {
		g.recordExec(last)
	}
}

// replaySplit runs split's scan (ES2024 22.2.6.14 with a global search
// instead of a sticky one) and returns its last match.
func (g *regexGuard) replaySplit(c *sobek.Object, exec func(sobek.Value) *sobek.Object, p *pendingMatch) *sobek.Object {
	size := int64(p.subject.Length())
	if size == 0 {
		return exec(g.rt.ToValue(0))
	}
	unicode := c.Get("unicode").ToBoolean()
	var last *sobek.Object
	pos, q, pieces := int64(0), int64(0), int64(0)
	for q < size {
		m := exec(g.rt.ToValue(q))
		if m == nil {
			break
		}
		idx := m.Get("index").ToInteger()
		if idx >= size {
			break
		}
		last = m
		e := min(c.Get("lastIndex").ToInteger(), size)
		if e == pos || e == idx && idx == pos {
			q = advanceIndex(p.subject, max(idx, q), unicode)
			continue
		}
		pieces++
		if pieces >= p.lim {
			break
		}
		pieces += m.Get("length").ToInteger() - 1
		if pieces >= p.lim {
			break
		}
		pos = e
		q = pos
		if e == idx {
			q = advanceIndex(p.subject, q, unicode)
		}
	}
	return last
}

func advanceIndex(s sobek.String, i int64, unicode bool) int64 {
	if !unicode || i+1 >= int64(s.Length()) {
		return i + 1
	}
	c := s.CharAt(int(i))
	if c >= 0xD800 && c <= 0xDBFF {
		if d := s.CharAt(int(i + 1)); d >= 0xDC00 && d <= 0xDFFF {
			return i + 2
		}
	}
	return i + 1
}

// legacyNames are the static properties in V8's order.
var legacyNames = [...]string{"input", "$_", "lastMatch", "$&", "lastParen", "$+", "leftContext", "$`", "rightContext", "$'",
	"$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9"}

// installLegacyStatics defines the statics on the realm's RegExp.
func (g *regexGuard) installLegacyStatics() {
	rt := g.rt
	ctor := Intrinsic(rt, "RegExp")
	if ctor == nil {
		return
	}
	named := func(name string, length int, f func(sobek.FunctionCall) sobek.Value) *sobek.Object {
		fn := rt.ToValue(f).(*sobek.Object)
		_ = fn.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return fn
	}
	// compile changes the pattern a pending scan would replay: replay
	// it first
	if orig, ok := sobek.AssertFunction(g.proto.Get("compile")); ok {
		fn := named("compile", 2, func(fc sobek.FunctionCall) sobek.Value {
			if o, ok := fc.This.(*sobek.Object); ok && g.pending != nil && g.pending.rx == o {
				g.resolve()
			}
			return Call(orig, fc.This, fc.Arguments...)
		})
		_ = g.proto.DefineDataProperty("compile", fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	empty := rt.ToValue("")
	for _, name := range legacyNames {
		read := g.legacyReader(name)
		get := named("get "+name, 0, func(sobek.FunctionCall) sobek.Value {
			g.resolve()
			if v := read(); v != nil && !sobek.IsUndefined(v) {
				return v
			}
			return empty
		})
		set := named("set "+name, 1, func(fc sobek.FunctionCall) sobek.Value {
			if name == "input" || name == "$_" {
				g.resolve()
				g.last.input = toStr(fc.Argument(0))
			}
			return sobek.Undefined()
		})
		_ = ctor.DefineAccessorProperty(name, get, set, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}

func (g *regexGuard) legacyReader(name string) func() sobek.Value {
	l := &g.last
	switch name {
	case "input", "$_":
		return func() sobek.Value { return l.input }
	case "lastMatch", "$&":
		return func() sobek.Value { return l.cap(0) }
	case "lastParen", "$+":
		return func() sobek.Value {
			if len(l.caps) < 2 {
				return nil
			}
			return l.caps[len(l.caps)-1]
		}
	case "leftContext", "$`":
		return func() sobek.Value {
			if l.subject == nil {
				return nil
			}
			return l.subject.Substring(0, min(l.index, l.subject.Length()))
		}
	case "rightContext", "$'":
		return func() sobek.Value {
			if l.subject == nil {
				return nil
			}
			end := min(l.index+toStr(l.cap(0)).Length(), l.subject.Length())
			return l.subject.Substring(end, l.subject.Length())
		}
	}
	n := int(name[1] - '0')
	return func() sobek.Value { return l.cap(n) }
}

func (l *lastMatch) cap(i int) sobek.Value {
	if i >= len(l.caps) {
		return nil
	}
	return l.caps[i]
}
