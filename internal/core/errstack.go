package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// callerFrames completes the stack of an error leaving home for here: V8
// keeps one stack for all the contexts of an isolate, so the frames of
// here that led into home follow home's frames (as "    at ..." lines).
func callerFrames(v sobek.Value, home, here *Context) {
	o, ok := v.(*sobek.Object)
	if !ok || home.rt == here.rt {
		return
	}
	here.completeStack(o, home)
}

// CompleteStack completes the stack of v, an error of another realm
// reaching c's runtime (a run's error, a rejection reason), with the
// frames of c's runtime below, as V8's single stack has them. An error
// made in c's runtime has them already.
func (c *Context) CompleteStack(v sobek.Value) {
	o, ok := v.(*sobek.Object)
	if !ok || engine.RuntimeOf(o) == c.rt || engine.RuntimeOf(o) == nil {
		return
	}
	var home *Context
	for _, h := range c.iso.Contexts() {
		if h.rt == engine.RuntimeOf(o) {
			home = h
			break
		}
	}
	if home == nil {
		return
	}
	c.completeStack(o, home)
}

func (here *Context) completeStack(o *sobek.Object, home *Context) {
	defer func() { _ = recover() }() // a hostile error must not break the throw
	var st string
	home.rt.Try(func() {
		d := o.Get("stack")
		if d == nil {
			return
		}
		st, _ = d.Export().(string)
	})
	if !strings.Contains(st, "\n    at ") {
		return
	}
	// home's frames from before this entry into home are below here's
	// frames in V8's single stack: they come back when the error leaves
	// the crossing that entered home before
	if home.iso.enteredBefore(home) {
		older := home.StackLines(maxStackFrames)
		lines := strings.Split(st, "\n")
		first := 0
		for first < len(lines) && !strings.HasPrefix(lines[first], "    at ") {
			first++
		}
		frames := lines[first:]
		for k := min(len(frames), len(older)); k > 0; k-- {
			if equalLines(frames[len(frames)-k:], older[:k]) {
				st = strings.Join(lines[:len(lines)-k], "\n")
				break
			}
		}
	}
	limit, ok := home.stackTraceLimit()
	have := strings.Count(st, "\n    at ")
	if !ok || have >= limit {
		// V8 keeps no more; and the walk below is O(depth) per
		// crossing, which an error leaving deep recursion through
		// many crossings would pay at each
		return
	}
	outer := here.StackLines(limit - have)
	if len(outer) == 0 {
		return
	}
	tail := "\n" + strings.Join(outer, "\n")
	if strings.HasSuffix(st, tail) || strings.Contains(st, "\n"+outer[0]+"\n") || strings.HasSuffix(st, "\n"+outer[0]) {
		return // already completed at this crossing
	}
	home.rt.Try(func() { _ = o.Set("stack", st+tail) })
}

// StackLines is c's runtime's stack now, as V8's "    at ..." lines, at
// most limit of them.
func (c *Context) StackLines(limit int) []string {
	if limit <= 0 {
		return nil
	}
	frames := c.rt.CaptureCallStack(0, nil)
	info := engine.FrameInfo(c.rt, frames, 0, func(f *engine.Frame) (keep, stop bool) {
		if f.SrcName() == "<native>" && isHiddenNative(f.FuncName()) {
			return false, false
		}
		return true, false
	}, limit)
	lines := make([]string, len(info))
	for i := range info {
		pf := c.pendingFrameOf(&info[i], info, i)
		s := c.resolveSite(&pf)
		lines[i] = "    at " + s.String()
	}
	polishLines(lines)
	return lines
}

func equalLines(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// enteredBefore reports whether c has an entry in the chain of executing
// realms below the innermost one: its VM's frames from then are older
// than the innermost entry's (an error of c still running there, as a
// rejection tracked while c runs, has none of those).
func (iso *Isolate) enteredBefore(c *Context) bool {
	for i := len(iso.active) - 2; i >= 0; i-- {
		if iso.active[i].c == c {
			return true
		}
	}
	// the main context's own runs (the host's) are below every entry
	return c == iso.main && iso.innermost() != c
}
