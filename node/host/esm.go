package host

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/jslex"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// esmState is the ES module loader of a host: one record per file (or
// builtin), so every import of it shares one instance.
type esmState struct {
	records map[string]sobek.ModuleRecord // key: absolute path, or "builtin:name"
	paths   map[sobek.ModuleRecord]string // record -> absolute path (source modules)
	urls    map[sobek.ModuleRecord]string // record -> its URL (import.meta.url)
	// import attributes, taken out of the source before sobek parses it:
	// those of a module's static imports by specifier, and those of
	// import() calls by file (as sobek names it) and the offset of the
	// call's '('
	static map[sobek.ModuleRecord]map[string][]jslex.Attr
	dyn    map[string]map[int]jslex.DynamicImport
	jobs   map[string]error // checkAttrs' outcomes by URL and type
	inited bool
}

const internalPrefix = "jsvm-internal:"

func (h *Host) esmInit() {
	if h.esm != nil && h.esm.inited {
		return
	}
	h.esm = &esmState{records: make(map[string]sobek.ModuleRecord), paths: make(map[sobek.ModuleRecord]string), urls: make(map[sobek.ModuleRecord]string),
		static: map[sobek.ModuleRecord]map[string][]jslex.Attr{}, dyn: map[string]map[int]jslex.DynamicImport{}, jobs: map[string]error{}, inited: true}
	rt := h.Runtime
	rt.SetGetImportMetaProperties(func(m sobek.ModuleRecord) []sobek.MetaProperty {
		p, ok := h.esm.paths[m]
		if !ok {
			return nil // not the host's module (a vm.SourceTextModule)
		}
		u, ok := h.esm.urls[m]
		if !ok {
			u = fileURL(p)
		}
		// Node's order: dirname, filename, resolve, url
		return []sobek.MetaProperty{
			{Key: "dirname", Value: rt.ToValue(filepath.Dir(p))},
			{Key: "filename", Value: rt.ToValue(p)},
			{Key: "resolve", Value: h.metaResolve(p)},
			{Key: "url", Value: rt.ToValue(u)},
		}
	})
	rt.SetImportModuleDynamically(func(referrer interface{}, specifier sobek.Value, capability interface{}) {
		if h.VMImport != nil && h.VMImport(referrer, specifier, capability) {
			return
		}
		spec := specifier.String()
		m, err := h.esmResolveFrom(referrer, spec, "", h.dynamicAttrs())
		var e interface{}
		if err != nil {
			e = errValue(h, err)
		}
		rt.FinishLoadingImportModule(referrer, specifier, capability, m, e)
	})
}

// InitESM sets up the host's ES module loader (import() and import.meta
// of the main context) if that has not happened yet.
func (h *Host) InitESM() { h.esmInit() }

func errValue(h *Host, err error) sobek.Value {
	switch x := err.(type) {
	case *sobek.Exception:
		return x.Value()
	case *jsError:
		return x.v
	}
	return h.Runtime.NewGoError(err)
}

var esmSyntaxRe = regexp.MustCompile(`(?m)^\s*(import\s*[\w{*'"]|export\s+(default|const|let|var|function|class|async|\{|\*))`)

// esmFallback runs a .js main file as an ES module when parsing it as
// CommonJS failed on import/export syntax.
func (h *Host) esmFallback(filename string, err error) bool {
	je, ok := err.(*jsError)
	if !ok {
		return false
	}
	o, ok := je.v.(*sobek.Object)
	if !ok || h.cjs.syntaxPos[o] == nil {
		return false
	}
	src := h.sources[filename]
	if !esmSyntaxRe.MatchString(src) && !esmOnlyError(o) {
		return false
	}
	_ = h.cjs.cache.Delete(filename)
	h.cjs.main = sobek.Undefined()
	h.runESMMain(filename)
	return true
}

func (h *Host) runESMMain(path string) {
	h.esmInit()
	abs, _ := filepath.Abs(path)
	if f := realpath(abs); f != "" {
		abs = f
	}
	if h.requiringESM == nil {
		h.requiringESM = map[string]string{}
	}
	// a CommonJS module of the graph that requires the entry is a cycle
	h.requiringESM[abs] = abs
	defer delete(h.requiringESM, abs)
	m, err := h.loadESM(abs)
	if err != nil {
		h.reportLoadError(err)
		return
	}
	h.evaluateEntry(m)
}

// evaluateEntry links and evaluates an entry module, reporting failures
// as uncaught errors.
func (h *Host) evaluateEntry(m sobek.ModuleRecord) {
	rt := h.Runtime
	if err := m.Link(); err != nil {
		h.reportLoadError(h.linkError(err))
		return
	}
	cm, ok := m.(sobek.CyclicModuleRecord)
	if !ok {
		return
	}
	h.ticksAfterJobs = true
	p := rt.CyclicModuleRecordEvaluate(cm, h.esmResolve)
	switch p.State() {
	case sobek.PromiseStateRejected:
		h.uncaughtValue(p.Result())
	case sobek.PromiseStatePending:
		// a top-level await that never settles exits with code 13
		// (Node's kUnsettledTopLevelAwait), checked when the loop ends
		h.mainTLA = p
		po := rt.ToValue(p).(*sobek.Object)
		then, _ := sobek.AssertFunction(po.Get("then"))
		// the handler must return a Value: sobek resolves the derived
		// promise with a native handler's Go nil and crashes
		_, _ = then(po, sobek.Undefined(), rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			h.uncaughtValue(c.Argument(0))
			return sobek.Undefined()
		}))
	}
}

// uncaughtValue reports a thrown value whose throw site is only known from
// its stack.
func (h *Host) uncaughtValue(v sobek.Value) {
	if ex, ok := v.Export().(*sobek.Exception); ok {
		v = ex.Value()
	}
	var pos *srcPos
	if o, ok := v.(*sobek.Object); ok && h.isError(v) {
		esmScopeMessage(o)
		if s := o.Get("stack"); s != nil {
			pos = errorPos(s.String())
		}
	}
	if pos == nil {
		// no throw site known: Node shows the loader's own
		pos = &srcPos{file: esmMainSite}
	}
	// Node's ESM entry settles a promise, so its error's origin is
	// 'unhandledRejection' (a throw before any await too)
	h.uncaught(v, pos, "unhandledRejection")
}

func (h *Host) linkError(err error) error {
	rt := h.Runtime
	switch x := err.(type) {
	case *sobek.CompilerSyntaxError:
		msg := x.Message
		var pos *srcPos
		if x.File != nil {
			// V8's words and place, for the fatal error's source line
			p := x.File.Position(x.Offset)
			msg, p.Line, p.Column, _ = stack.SyntaxError(msg, h.sources[p.Filename], 0, 0, p.Line, p.Column)
			pos = &srcPos{p.Filename, p.Line, p.Column, false}
		}
		ctor, _ := sobek.AssertConstructor(rt.Get("SyntaxError"))
		e, _ := ctor(nil, rt.ToValue(msg))
		if pos != nil && h.cjs != nil {
			h.cjs.syntaxPos[e] = pos
		}
		return &jsError{e}
	case *sobek.CompilerReferenceError:
		ctor, _ := sobek.AssertConstructor(rt.Get("ReferenceError"))
		e, _ := ctor(nil, rt.ToValue(x.Message))
		return &jsError{e}
	}
	return err
}

// loadESM parses (once) the module at abs.
func (h *Host) loadESM(abs string) (sobek.ModuleRecord, error) { return h.loadESMAt(abs, "") }

// loadESMAt parses (once) the module at abs imported with a URL suffix
// (?query#fragment, see splitURLSuffix): as Node's loader, one instance
// per URL, so a.mjs?x=1 and a.mjs?x=2 are two modules of one file.
func (h *Host) loadESMAt(abs, suffix string) (sobek.ModuleRecord, error) {
	if m, ok := h.esm.records[abs+suffix]; ok {
		return m, nil
	}
	b, err := os.ReadFile(abs)
	if err != nil {
		return nil, &jsError{h.esmNotFound(abs, "")}
	}
	return h.parseESMKeyed(abs+suffix, abs, fileURL(abs)+suffix, string(b))
}

// parseESM parses src as the ES module at abs and records it.
func (h *Host) parseESM(abs, src string) (sobek.ModuleRecord, error) {
	return h.parseESMNamed(abs, fileURL(abs), src)
}

// parseESMNamed is parseESM with the module's URL given (node's
// "file:///cwd/[eval1]" keeps its brackets).
func (h *Host) parseESMNamed(abs, name, src string) (sobek.ModuleRecord, error) {
	return h.parseESMKeyed(abs, abs, name, src)
}

// parseESMKeyed is parseESMNamed with the record's key in the loader's
// map given (the path and the URL's suffix).
func (h *Host) parseESMKeyed(key, abs, name, src string) (sobek.ModuleRecord, error) {
	h.esmInit()
	src = stripBOMShebang(src)
	h.sources[name] = src
	stack.Register(name, src, 0, 0)
	if err := core.CheckNesting(src); err != nil {
		return nil, h.syntaxError(name, src, err, 0)
	}
	orig := src
	st := h.stripImports(name, src, false)
	if st.Err != nil {
		return nil, h.attrSyntaxError(name, orig, st.Err)
	}
	src = st.Code
	var m sobek.ModuleRecord
	var err error
	if core.HasAsyncGenerators(src) {
		// sobek parses async generators and refuses them at instantiation
		err = errLowerFirst
	} else {
		m, err = h.parseModule(name, src)
	}
	if err != nil {
		// async generators / for await: esbuild's lowering (core/lower.go)
		// (parsed by core, which also gives lowered async generator
		// functions V8's prototypes, as for vm modules)
		if body, ok := core.ParseLowered(name, src, core.LowerModule); ok {
			if m2, err2 := sobek.ModuleFromAST(body, h.esmResolve); err2 == nil {
				m, err = m2, nil
				if err3 := engine.EnsureAwaitHook(h.Runtime); err3 != nil { // (lowered awaits are guarded)
					m, err = nil, err3
				}
			}
		}
	}
	if err == errLowerFirst {
		m, err = h.parseModule(name, src)
	}
	if err != nil {
		return nil, h.syntaxError(name, orig, err, 0)
	}
	if len(st.Static) > 0 {
		by := map[string][]jslex.Attr{}
		for i := len(st.Static) - 1; i >= 0; i-- {
			if st.Static[i].Assert {
				h.assertWarning(name, orig, st.Static[i].Start) // V8's order: last first
			}
		}
		for _, imp := range st.Static {
			if _, ok := by[imp.Spec]; !ok {
				// sobek resolves one module per specifier: the first
				// import's attributes
				by[imp.Spec] = imp.Attrs
				if by[imp.Spec] == nil {
					by[imp.Spec] = []jslex.Attr{}
				}
			}
		}
		h.esm.static[m] = by
	}
	h.esm.records[key] = m
	h.esm.paths[m] = abs
	h.esm.urls[m] = name
	return m, nil
}

// errLowerFirst marks a module source to lower before sobek parses it.
var errLowerFirst = errors.New("lower first")

func (h *Host) esmNotFound(spec, from string) *sobek.Object {
	return h.esmNotFoundURL(spec, "", from)
}

// esmNotFoundURL is esmNotFound for a file imported with a URL suffix
// (?query#fragment): the message names the path, the url has the suffix.
func (h *Host) esmNotFoundURL(spec, suffix, from string) *sobek.Object {
	msg := "Cannot find module '" + spec + "'"
	if from != "" {
		msg += " imported from " + from
	}
	e := nodeerr.New(h.Runtime, "Error", "ERR_MODULE_NOT_FOUND", msg)
	if filepath.IsAbs(spec) {
		_ = e.Set("url", fileURL(spec)+suffix) // as Node, for a missing file
	}
	return e
}

// splitURLSuffix splits the ?query and #fragment off a relative or file:
// specifier, which Node resolves as a URL: path is the rest,
// percent-decoded as fileURLToPath does (kept as written where a %
// escape is malformed); suffix is what the module's URL ends with, as
// the WHATWG URL parser writes it (an empty query or fragment dropped,
// controls, spaces, non-ASCII and the few reserved characters of each
// part percent-encoded).
func splitURLSuffix(spec string) (path, suffix string) {
	path = spec
	i := strings.IndexAny(spec, "?#")
	if i >= 0 {
		path = spec[:i]
		rest := spec[i:]
		var query, frag string
		if strings.HasPrefix(rest, "?") {
			query = rest[1:]
			if j := strings.IndexByte(query, '#'); j >= 0 {
				query, frag = query[:j], query[j+1:]
				if frag != "" {
					frag = "#" + frag
				}
			}
		} else {
			frag = rest
		}
		if query != "" {
			suffix = "?" + urlEncode(query, "\"#<>'")
		}
		if len(frag) > 1 {
			suffix += "#" + urlEncode(frag[1:], "\" <>`")
		}
	}
	if d, err := url.PathUnescape(path); err == nil {
		path = d
	}
	return path, suffix
}

// urlEncode percent-encodes controls, space, non-ASCII bytes and the
// bytes of set (an existing %XX is kept unless set holds '%').
func urlEncode(s, set string) string {
	const hexd = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte(set, c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hexd[c>>4])
			b.WriteByte(hexd[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// esmResolve is the HostResolveImportedModule of the host: a static
// import, checked against its import attributes.
func (h *Host) esmResolve(referrer interface{}, spec string) (sobek.ModuleRecord, error) {
	var attrs []jslex.Attr
	if rm, ok := referrer.(sobek.ModuleRecord); ok && h.esm != nil {
		if by, ok := h.esm.static[rm]; ok {
			attrs = by[spec]
		}
	}
	if attrs == nil {
		attrs = []jslex.Attr{}
	}
	return h.esmResolveFrom(referrer, spec, "", attrs)
}

// ImportFrom finishes an import() of the main context as the host's own
// loader does, resolving specifier against base (an absolute path or a
// file: URL; anything else is the working directory): vm code compiled
// with USE_MAIN_CONTEXT_DEFAULT_LOADER, whose base is its filename.
func (h *Host) ImportFrom(base string, referrer any, specifier sobek.Value, capability any) {
	from := "\x00cwd"
	if filepath.IsAbs(base) {
		from = base
	} else if strings.HasPrefix(base, "file://") {
		if u, err := url.Parse(base); err == nil && u.Path != "" {
			from = u.Path
		}
	}
	m, err := h.esmResolveFrom(referrer, specifier.String(), from, nil)
	var e interface{}
	if err != nil {
		e = errValue(h, err)
	}
	h.Runtime.FinishLoadingImportModule(referrer, specifier, capability, m, e)
}

// esmResolveFrom is esmResolve with the importing file given (fromFile;
// "\x00cwd": none, resolve against the working directory) instead of
// found from the referrer, and the import attributes (nil: not known, not
// checked).
func (h *Host) esmResolveFrom(referrer interface{}, spec, fromFile string, attrs []jslex.Attr) (sobek.ModuleRecord, error) {
	h.esmInit()
	if strings.HasPrefix(spec, internalPrefix) {
		key := strings.TrimPrefix(spec, internalPrefix)
		if m, ok := h.esm.records["synthetic:"+key]; ok {
			return m, nil
		}
		return nil, &jsError{h.esmNotFound(spec, "")}
	}
	if h.isBuiltinRequest(spec) {
		name := strings.TrimPrefix(spec, "node:")
		if !h.isBuiltin(name) && !strings.HasPrefix(spec, "node:") {
			return nil, &jsError{h.esmNotFound(spec, "")}
		}
		// a node: URL resolves; loading it checks the attributes, then
		// finds no such builtin
		if err := h.checkAttrs("node:"+name, "builtin", attrs); err != nil {
			return nil, err
		}
		if !h.isBuiltin(name) {
			return nil, &jsError{nodeerr.New(h.Runtime, "Error", "ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: "+spec)}
		}
		return h.facade("builtin:"+name, func() (sobek.Value, error) { return h.requireBuiltin(name) })
	}
	dir, from := "", ""
	switch {
	case fromFile == "\x00cwd":
		dir, _ = os.Getwd()
	case fromFile != "":
		dir, from = filepath.Dir(fromFile), fromFile
	}
	if rm, ok := referrer.(sobek.ModuleRecord); ok && dir == "" {
		if p, ok := h.esm.paths[rm]; ok {
			dir, from = filepath.Dir(p), p
		}
	}
	if dir == "" {
		// import() in a script (CommonJS, -e): sobek names no referrer,
		// so the calling file is the innermost frame with a file name
		if f := h.callerFile(); f != "" {
			dir, from = filepath.Dir(f), f
		}
	}
	if dir == "" {
		dir, _ = os.Getwd()
	}
	var abs string
	if strings.HasPrefix(spec, "#") || !isRelative(spec) && !strings.HasPrefix(spec, "file://") {
		f, err := h.resolveBare(spec, dir, importConditions, from, false)
		if err != nil {
			return nil, &jsError{h.resolveErrorValue(err)}
		}
		if b, ok := strings.CutPrefix(f, "builtin:"); ok {
			return h.esmResolveFrom(referrer, b, fromFile, attrs)
		}
		if f == "" {
			return nil, h.packageNotFound(spec, from)
		}
		if !isFile(f) {
			return nil, &jsError{h.esmNotFound(f, from)}
		}
		return h.esmLoadChecked(realpath(f), from, attrs)
	}
	suffix := ""
	if strings.HasPrefix(spec, "file://") {
		p, sfx := splitURLSuffix(spec)
		u, err := url.Parse(p)
		if err != nil {
			return nil, &jsError{h.esmNotFound(spec, from)}
		}
		abs, suffix = u.Path, sfx
	} else if isRelative(spec) {
		spec, suffix = splitURLSuffix(spec)
		abs = spec
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, spec)
		}
		if !isFile(abs) {
			abs = h.resolvePath(spec, dir) // lenient: CommonJS-style lookup
		}
	} else {
		abs = h.resolvePath(spec, dir)
	}
	if abs == "" || !isFile(abs) {
		if abs == "" && isRelative(spec) {
			abs = filepath.Join(dir, spec)
		}
		if abs == "" {
			// a bare name: Node reports a package
			return nil, h.packageNotFound(spec, from)
		}
		if st, err := os.Stat(abs); err == nil && st.IsDir() && from != "" {
			e := nodeerr.New(h.Runtime, "Error", "ERR_UNSUPPORTED_DIR_IMPORT",
				"Directory import '"+abs+"' is not supported resolving ES modules imported from "+from)
			_ = e.Set("url", fileURL(abs)+suffix)
			return nil, &jsError{e}
		}
		return nil, &jsError{h.esmNotFoundURL(abs, suffix, from)}
	}
	return h.esmLoadCheckedAt(realpath(abs), suffix, from, attrs)
}

// esmLoadChecked is esmLoadFile after the import attributes were checked
// against the file's format.
func (h *Host) esmLoadChecked(abs, from string, attrs []jslex.Attr) (sobek.ModuleRecord, error) {
	return h.esmLoadCheckedAt(abs, "", from, attrs)
}

// esmLoadCheckedAt is esmLoadChecked for a file imported with a URL
// suffix (?query#fragment).
func (h *Host) esmLoadCheckedAt(abs, suffix, from string, attrs []jslex.Attr) (sobek.ModuleRecord, error) {
	format := "module"
	if strings.HasSuffix(abs, ".json") {
		format = "json"
	}
	if err := h.checkAttrs(fileURL(abs)+suffix, format, attrs); err != nil {
		return nil, err
	}
	return h.esmLoadFileAt(abs, suffix, from)
}

// packageNotFound is Node's ERR_MODULE_NOT_FOUND for a bare specifier
// whose package is not found: it names the package, not the subpath.
func (h *Host) packageNotFound(spec, from string) error {
	name := spec
	if n, _, ok := splitPackageName(spec); ok {
		name = n
	}
	e := h.esmNotFound(spec, from)
	_ = e.Set("message", "Cannot find package '"+name+"' imported from "+from)
	nodeerr.Decorate(h.Runtime, e, "ERR_MODULE_NOT_FOUND")
	return &jsError{e}
}

// callerFile is the file of the innermost JS frame that has one.
func (h *Host) callerFile() string {
	for _, f := range h.Runtime.CaptureCallStack(0, nil) {
		n := f.SrcName()
		if filepath.IsAbs(n) {
			return n
		}
		if strings.HasPrefix(n, "file://") {
			if u, err := url.Parse(n); err == nil {
				return u.Path
			}
		}
	}
	return ""
}

// esmLoadFileAt is the module record of a resolved file imported with a
// URL suffix (?query#fragment, or none): an ES module (one per URL), or a
// facade over a CommonJS module's exports (one per file, as Node's
// require cache).
func (h *Host) esmLoadFileAt(abs, suffix, from string) (sobek.ModuleRecord, error) {
	if h.isModuleFile(abs) {
		return h.loadESMAt(abs, suffix)
	}
	if p := h.pkgScope(filepath.Dir(abs)); (p == nil || p.typ == "") && strings.HasSuffix(abs, ".js") && esmSyntaxRe.MatchString(readFileString(abs)) && !cjsSyntaxOK(abs) {
		return h.loadESMAt(abs, suffix)
	}
	// CommonJS (or JSON) imported from ESM: default is module.exports
	// (a JSON module has no other export)
	key := "cjs:" + abs
	if strings.HasSuffix(abs, ".json") {
		key = "json:" + abs
	}
	return h.facade(key, func() (sobek.Value, error) {
		var v sobek.Value
		ex := h.Runtime.Try(func() {
			parent := h.newModule(from, from, sobek.Undefined())
			v = h.requireFrom(parent, h.Runtime.ToValue(abs))
		})
		if ex != nil {
			return nil, ex
		}
		return v, nil
	})
}

func readFileString(p string) string {
	b, _ := os.ReadFile(p)
	return string(b)
}

func cjsSyntaxOK(p string) bool {
	src := readFileString(p)
	if core.CheckNesting(src) != nil {
		return false
	}
	_, err := parser.ParseFile(nil, p, "(function(){"+src+"\n})", 0, parser.WithDisableSourceMaps)
	return err == nil
}

// facade returns a source module re-exporting a synthetic module whose
// exports come from load (a builtin's or a CommonJS module's exports).
func (h *Host) facade(key string, load func() (sobek.Value, error)) (sobek.ModuleRecord, error) {
	if m, ok := h.esm.records[key]; ok {
		return m, nil
	}
	exp, err := load()
	if err != nil {
		return nil, err
	}
	syn := &syntheticModule{exports: exp}
	o, _ := exp.(*sobek.Object)
	switch {
	case strings.HasPrefix(key, "json:") || o == nil:
	case strings.HasPrefix(key, "cjs:"):
		// Node's names: what the lexer finds in the source (and in the
		// files it re-exports), each holding the value of module.exports'
		// own property when the module has run (or undefined)
		syn.values = map[string]sobek.Value{}
		own := ownNames(h.Runtime, o)
		for _, k := range h.cjsExportNames(strings.TrimPrefix(key, "cjs:"), map[string]bool{}) {
			if k == "default" {
				continue
			}
			syn.names = append(syn.names, k)
			if v, ok := ownValue(h.Runtime, o, own, k); ok {
				syn.values[k] = v
			}
		}
	default:
		for _, k := range o.Keys() {
			if k != "default" && isIdentName(k) {
				syn.names = append(syn.names, k)
			}
		}
	}
	sort.Strings(syn.names)
	h.esm.records["synthetic:"+key] = syn
	src := "export * from '" + internalPrefix + key + "';\nexport { default } from '" + internalPrefix + key + "';\n"
	m, err := sobek.ParseModule(key, src, h.esmResolve)
	if err != nil {
		return nil, err
	}
	h.esm.records[key] = m
	return m, nil
}

var identRe = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)

func isIdentName(s string) bool { return identRe.MatchString(s) }

// syntheticModule is a non-cyclic module record over an exports object.
type syntheticModule struct {
	exports sobek.Value
	names   []string
	values  map[string]sobek.Value // CommonJS: the values when it ran (else read from exports)
}

func (s *syntheticModule) GetExportedNames(cb func([]string), _ ...sobek.ModuleRecord) bool {
	cb(append(append([]string{}, s.names...), "default"))
	return true
}

func (s *syntheticModule) ResolveExport(name string, _ ...sobek.ResolveSetElement) (*sobek.ResolvedBinding, bool) {
	if name == "default" {
		return &sobek.ResolvedBinding{Module: s, BindingName: name}, false
	}
	i := sort.SearchStrings(s.names, name)
	if i < len(s.names) && s.names[i] == name {
		return &sobek.ResolvedBinding{Module: s, BindingName: name}, false
	}
	return nil, false
}

func (s *syntheticModule) Link() error { return nil }

func (s *syntheticModule) Evaluate(rt *sobek.Runtime) *sobek.Promise {
	p, resolve, _ := rt.NewPromise()
	_ = resolve(&syntheticInstance{s})
	return p
}

type syntheticInstance struct{ m *syntheticModule }

func (i *syntheticInstance) GetBindingValue(name string) sobek.Value {
	if name == "default" {
		return i.m.exports
	}
	if i.m.values != nil {
		if v, ok := i.m.values[name]; ok {
			return v
		}
		return sobek.Undefined()
	}
	if o, ok := i.m.exports.(*sobek.Object); ok {
		return o.Get(name)
	}
	return sobek.Undefined()
}

// fileURL is url.pathToFileURL(p).href: the path percent-encode set of
// the URL standard plus %, \, brackets and controls.
func fileURL(p string) string {
	return "file://" + urlEncode(p, "\"#%<>?[]^`{|}\\")
}

// parseModule parses and compiles an ES module file: its regexps and
// awaits guarded (engine.RewriteRegExps, engine.GuardAwaits), its
// sourceMappingURL comment not read.
func (h *Host) parseModule(name, src string) (sobek.ModuleRecord, error) {
	src = engine.RewriteRegExps(src, true)
	body, err := sobek.Parse(name, src, parser.IsModule, parser.WithDisableSourceMaps) // (sobek.ParseModule's error)
	if err != nil {
		fixed, ok := engine.ParseFixups(src) // sobek's parser gaps: `o.default` at a line's end, class fields named get/set (engine/keywordasi.go, classfields.go)
		if !ok {
			return nil, err
		}
		src = fixed
		if body, err = sobek.Parse(name, src, parser.IsModule, parser.WithDisableSourceMaps); err != nil {
			return nil, err
		}
	}
	engine.FixArrowSources(body) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	if engine.MayAwait(src) {
		engine.GuardParsedAwaits(body)
		if err := engine.EnsureAwaitHook(h.Runtime); err != nil {
			return nil, err
		}
	}
	if engine.MayHaveImportCalls(src) && engine.RewriteImportCalls(body) { // import() options (engine/importhook.go)
		if err := engine.EnsureImportHook(h.Runtime); err != nil {
			return nil, err
		}
	}
	if engine.MayHaveFieldArrowThis(src) {
		engine.FixFieldArrowThis(body) // engine/fieldthis.go
	}
	return sobek.ModuleFromAST(body, h.esmResolve)
}
