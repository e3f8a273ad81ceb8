package core

// V8 keeps a compilation cache per isolate: a script compiled again with
// the same source and origin reuses the compiled code (and so the same
// tagged-template objects, `vm.runInThisContext('(x => x)`a`')` twice
// is the same object in Node). vm.runInNewContext(code) in a loop compiles
// the same text every time; parsing and compiling a tiny script costs more
// than making the context it runs in. A *Script is immutable and bound to
// no runtime, so a cached one can serve every later compile.
//
// The cache is per isolate (used by one goroutine at a time: no lock
// between isolates) and bounded: sources longer than maxCachedSource are
// not kept, and once the kept sources pass maxCacheBytes the oldest go.

const (
	maxCachedSource = 64 << 10
	maxCacheBytes   = 1 << 20
)

type compileKey struct {
	src, filename            string
	lineOffset, columnOffset int
}

type compileCache struct {
	m     map[compileKey]*Script
	order []compileKey // oldest first
	bytes int
}

// CompileCached is Compile through the isolate's compilation cache.
// Compile errors are not cached.
func (iso *Isolate) CompileCached(src string, opts ScriptOptions) (*Script, error) {
	if opts.Filename == "" {
		opts.Filename = DefaultFilename
	}
	if len(src) > maxCachedSource {
		return Compile(src, opts)
	}
	cc := &iso.compiled
	k := compileKey{src, opts.Filename, opts.LineOffset, opts.ColumnOffset}
	if s := cc.m[k]; s != nil {
		return s, nil
	}
	s, err := Compile(src, opts)
	if err != nil {
		return nil, err
	}
	if cc.m == nil {
		cc.m = make(map[compileKey]*Script)
	}
	cc.m[k] = s
	cc.order = append(cc.order, k)
	cc.bytes += len(src) + len(opts.Filename)
	for cc.bytes > maxCacheBytes && len(cc.order) > 1 {
		old := cc.order[0]
		cc.order[0] = compileKey{}
		cc.order = cc.order[1:]
		delete(cc.m, old)
		cc.bytes -= len(old.src) + len(old.filename)
	}
	return s, nil
}
