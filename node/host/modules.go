package host

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/parser"
	"github.com/grafana/sobek/unistring"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// cjsState is the CommonJS loader of a host.
type cjsState struct {
	cache       *sobek.Object // require.cache
	moduleProto *sobek.Object
	moduleCtor  *sobek.Object
	extensions  *sobek.Object
	main        sobek.Value
	syntaxPos   map[*sobek.Object]*srcPos
	pkgMain     map[string]string
}

// implicit builtins the host provides itself unless the registry has them.
var hostBuiltins = map[string]bool{"module": true, "timers": true, "process": true}

func (h *Host) initCJS() {
	rt := h.Runtime
	c := &cjsState{cache: rt.NewObject(), syntaxPos: make(map[*sobek.Object]*srcPos), pkgMain: make(map[string]string)}
	h.cjs = c
	c.main = sobek.Undefined()
	c.extensions = rt.NewObject()
	for _, e := range []string{".js", ".json", ".node"} {
		_ = c.extensions.Set(e, func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() })
	}
	ctor := rt.ToValue(func(call sobek.ConstructorCall) *sobek.Object {
		id := ""
		if a := call.Argument(0); !sobek.IsUndefined(a) {
			id = a.String()
		}
		var parent sobek.Value = sobek.Undefined()
		if len(call.Arguments) > 1 {
			parent = call.Argument(1)
		}
		m := h.newModule(id, "", parent)
		return m
	}).(*sobek.Object)
	c.moduleCtor = ctor
	c.moduleProto = ctor.Get("prototype").(*sobek.Object)
	_ = ctor.DefineDataProperty("name", rt.ToValue("Module"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	_ = c.moduleProto.Set("require", func(call sobek.FunctionCall) sobek.Value {
		m := call.This.ToObject(rt)
		return h.requireFrom(m, call.Argument(0))
	})
	_ = ctor.Set("_cache", c.cache)
	_ = ctor.Set("_extensions", c.extensions)
	_ = ctor.Set("Module", ctor)
	_ = ctor.Set("builtinModules", rt.ToValue(func() []any {
		var out []any
		for _, n := range h.builtinNames() {
			out = append(out, n)
		}
		return out
	}()))
	_ = ctor.Set("isBuiltin", func(call sobek.FunctionCall) sobek.Value {
		return rt.ToValue(h.isBuiltin(strings.TrimPrefix(call.Argument(0).String(), "node:")))
	})
	_ = ctor.Set("createRequire", func(call sobek.FunctionCall) sobek.Value {
		p := call.Argument(0).String()
		p = strings.TrimPrefix(p, "file://")
		if !filepath.IsAbs(p) {
			panic(nodeerr.InvalidArgValue(rt, "filename", call.Argument(0), "must be a file URL object, file URL string, or absolute path string"))
		}
		m := h.newModule(p, p, sobek.Undefined())
		return h.makeRequire(m)
	})
	_ = ctor.Set("_resolveFilename", func(call sobek.FunctionCall) sobek.Value {
		var parent *sobek.Object
		if o, ok := call.Argument(1).(*sobek.Object); ok {
			parent = o
		}
		return rt.ToValue(h.resolve(call.Argument(0).String(), parent))
	})
	_ = ctor.Set("_load", func(call sobek.FunctionCall) sobek.Value {
		parent, ok := call.Argument(1).(*sobek.Object)
		if !ok {
			cwd, _ := os.Getwd()
			parent = h.newModule("internal/load", "", sobek.Undefined())
			_ = parent.Set("path", cwd)
		}
		return h.requireFrom(parent, call.Argument(0))
	})
	_ = ctor.Set("_nodeModulePaths", func(from string) sobek.Value {
		abs, _ := filepath.Abs(from)
		var out []any
		for _, p := range nodeModulesPaths(abs) {
			out = append(out, p)
		}
		return rt.NewArray(out...)
	})
	_ = ctor.Set("globalPaths", rt.NewArray())
	_ = ctor.Set("_pathCache", rt.NewObject())
	// module._compile(content, filename): run source as this module's
	// CommonJS body (require-from-string, pirates and friends use it)
	_ = c.moduleProto.Set("_compile", func(call sobek.FunctionCall) sobek.Value {
		m := call.This.ToObject(rt)
		filename := call.Argument(1).String()
		fn, err := h.compileWrapper(filename, call.Argument(0).String())
		if err != nil {
			throwErr(err)
		}
		exports := m.Get("exports")
		r, err := fn(exports, exports, h.makeRequire(m), m, rt.ToValue(filename), rt.ToValue(filepath.Dir(filename)))
		if err != nil {
			throwErr(err)
		}
		return r
	})
	_ = ctor.Set("wrap", func(call sobek.FunctionCall) sobek.Value {
		return rt.ToValue(wrapperHead + call.Argument(0).String() + "\n});")
	})
}

const wrapperHead = "(function (exports, require, module, __filename, __dirname) { "

func (h *Host) builtinNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range h.Options.Registry.Names() {
		seen[n] = true
		out = append(out, n)
	}
	for n := range hostBuiltins {
		if !seen[n] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func (h *Host) isBuiltin(name string) bool {
	if prefixOnly[name] {
		return false // only as "node:test"; a bare "test" is a package
	}
	if _, ok := h.Options.Registry.Lookup(name); ok {
		return true
	}
	return hostBuiltins[name]
}

// prefixOnly are the builtins Node offers only with the "node:" scheme.
var prefixOnly = map[string]bool{"test": true}

// requireBuiltin loads a builtin by name ("vm" or "node:vm").
func (h *Host) requireBuiltin(name string) (sobek.Value, error) {
	rt := h.Runtime
	bare := strings.TrimPrefix(name, "node:")
	if m, ok := h.builtins[bare]; ok {
		return m.Get("exports"), nil
	}
	load, ok := h.Options.Registry.Lookup(bare)
	if !ok {
		switch bare {
		case "module":
			return h.cjs.moduleCtor, nil
		case "process":
			return h.process, nil
		case "timers":
			load = func(h *Host, m *sobek.Object) error { return m.Set("exports", h.Timers()) }
		default:
			if strings.HasPrefix(name, "node:") {
				return nil, &jsError{nodeerr.New(rt, "Error", "ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: "+name)}
			}
			return nil, &jsError{h.notFound(name, nil)}
		}
	}
	m := rt.NewObject()
	_ = m.Set("id", bare)
	_ = m.Set("exports", rt.NewObject())
	h.builtins[bare] = m
	if err := load(h, m); err != nil {
		delete(h.builtins, bare)
		switch err.(type) {
		case *sobek.Exception, *jsError, *sobek.InterruptedError:
			return nil, err
		}
		// a loader's Go error (say, its embedded source failed to
		// compile) is a JS error of the require, never a crash
		return nil, &jsError{rt.NewGoError(err)}
	}
	_ = m.Set("loaded", true)
	return m.Get("exports"), nil
}

func (h *Host) notFound(id string, parent *sobek.Object) *sobek.Object {
	rt := h.Runtime
	var stack []string
	for p := parent; p != nil; {
		if f := p.Get("filename"); f != nil && !sobek.IsUndefined(f) && !sobek.IsNull(f) {
			stack = append(stack, f.String())
		}
		pp, ok := p.Get("parent").(*sobek.Object)
		if !ok {
			break
		}
		p = pp
	}
	msg := "Cannot find module '" + id + "'"
	if len(stack) > 0 {
		msg += "\nRequire stack:\n- " + strings.Join(stack, "\n- ")
	}
	ctor, _ := sobek.AssertConstructor(h.intrinsicError())
	e, _ := ctor(nil, rt.ToValue(msg))
	_ = e.Set("code", "MODULE_NOT_FOUND")
	var rs []any
	for _, s := range stack {
		rs = append(rs, s)
	}
	_ = e.Set("requireStack", rt.NewArray(rs...))
	return e
}

func (h *Host) newModule(id, filename string, parent sobek.Value) *sobek.Object {
	rt := h.Runtime
	m := rt.CreateObject(h.cjs.moduleProto)
	_ = m.Set("id", id)
	dir := "."
	if filename != "" {
		dir = filepath.Dir(filename)
	}
	_ = m.Set("path", dir)
	_ = m.Set("exports", rt.NewObject())
	if filename != "" {
		_ = m.Set("filename", filename)
	} else {
		_ = m.Set("filename", sobek.Null())
	}
	_ = m.Set("loaded", false)
	_ = m.Set("children", rt.NewArray())
	var paths []any
	if filename != "" {
		for _, p := range nodeModulesPaths(dir) {
			paths = append(paths, p)
		}
	}
	_ = m.Set("paths", rt.NewArray(paths...))
	if parent == nil {
		parent = sobek.Undefined()
	}
	_ = m.DefineDataProperty("parent", parent, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	return m
}

func nodeModulesPaths(dir string) []string {
	var out []string
	for {
		if filepath.Base(dir) != "node_modules" {
			out = append(out, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			if out[len(out)-1] != "/node_modules" {
				out = append(out, "/node_modules")
			}
			break
		}
		dir = parent
	}
	return out
}

// makeRequire builds the require function of module m.
func (h *Host) makeRequire(m *sobek.Object) *sobek.Object {
	rt := h.Runtime
	req := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		return h.requireFrom(m, call.Argument(0))
	}).(*sobek.Object)
	resolve := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		id := h.checkID(call.Argument(0))
		if h.isBuiltinRequest(id) {
			return rt.ToValue(id)
		}
		return rt.ToValue(h.resolve(id, m))
	}).(*sobek.Object)
	_ = resolve.Set("paths", func(call sobek.FunctionCall) sobek.Value {
		id := call.Argument(0).String()
		if h.isBuiltinRequest(id) {
			return sobek.Null()
		}
		var out []any
		for _, p := range nodeModulesPaths(m.Get("path").String()) {
			out = append(out, p)
		}
		return rt.NewArray(out...)
	})
	_ = req.Set("resolve", resolve)
	_ = req.Set("cache", h.cjs.cache)
	_ = req.Set("extensions", h.cjs.extensions)
	_ = req.DefineAccessorProperty("main", rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		return h.cjs.main
	}), nil, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	return req
}

func (h *Host) isBuiltinRequest(id string) bool {
	if strings.HasPrefix(id, "node:") {
		return true
	}
	return h.isBuiltin(id)
}

func (h *Host) checkID(v sobek.Value) string {
	rt := h.Runtime
	s, ok := v.Export().(string)
	if !ok {
		panic(nodeerr.InvalidArgType(rt, "id", "of type string", v))
	}
	if s == "" {
		panic(nodeerr.New(rt, "TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''"))
	}
	return s
}

func (h *Host) requireFrom(parent *sobek.Object, idv sobek.Value) sobek.Value {
	rt := h.Runtime
	id := h.checkID(idv)
	if h.isBuiltinRequest(id) {
		v, err := h.requireBuiltin(id)
		if err != nil {
			throwErr(err)
		}
		return v
	}
	filename := h.resolve(id, parent)
	if b, ok := strings.CutPrefix(filename, "builtin:"); ok {
		v, err := h.requireBuiltin(b)
		if err != nil {
			throwErr(err)
		}
		return v
	}
	if cached, ok := h.cjs.cache.Get(filename).(*sobek.Object); ok {
		if from, busy := h.requiringESM[filename]; busy {
			panic(nodeerr.New(rt, "Error", "ERR_REQUIRE_CYCLE_MODULE", "Cannot require() ES Module "+filename+" in a cycle. (from "+from+")"))
		}
		h.addChild(parent, cached)
		return cached.Get("exports")
	}
	m := h.newModule(filename, filename, parent)
	h.addChild(parent, m)
	_ = h.cjs.cache.Set(filename, m)
	if err := h.loadModule(m, filename); err != nil {
		_ = h.cjs.cache.Delete(filename)
		throwErr(err)
	}
	_ = rt
	return m.Get("exports")
}

func throwErr(err error) {
	switch e := err.(type) {
	case *sobek.Exception:
		panic(e)
	case *jsError:
		panic(e.v)
	case *sobek.InterruptedError:
		panic(e)
	}
	panic(err)
}

func (h *Host) addChild(parent, child *sobek.Object) {
	if parent == nil {
		return
	}
	ch, ok := parent.Get("children").(*sobek.Object)
	if !ok {
		return
	}
	n := ch.Get("length").ToInteger()
	for i := int64(0); i < n; i++ {
		if ch.Get(strconv.FormatInt(i, 10)).SameAs(child) {
			return
		}
	}
	_ = ch.Set(strconv.FormatInt(n, 10), child)
}

// resolve is Module._resolveFilename for non-builtins; it throws
// MODULE_NOT_FOUND.
func (h *Host) resolve(id string, parent *sobek.Object) string {
	dir := ""
	if parent != nil {
		if p := parent.Get("path"); p != nil && !sobek.IsUndefined(p) {
			dir = p.String()
		}
	}
	if dir == "" || dir == "." {
		dir, _ = os.Getwd()
	}
	if !isRelative(id) {
		from := ""
		if parent != nil {
			if f, ok := parent.Get("filename").Export().(string); ok {
				from = f
			}
		}
		f, err := h.resolveBare(id, dir, requireConditions, from, true)
		if err != nil {
			panic(h.resolveErrorValue(err))
		}
		if f != "" {
			if strings.HasPrefix(f, "builtin:") {
				return f
			}
			if isFile(f) {
				return realpath(f)
			}
			panic(h.notFound(f, parent))
		}
		panic(h.notFound(id, parent))
	}
	if f := h.resolvePath(id, dir); f != "" {
		return f
	}
	panic(h.notFound(id, parent))
}

// resolveBare resolves a "#import" or a package specifier; "" when no
// package is found.
func (h *Host) resolveBare(id, dir string, conds map[string]bool, from string, cjs bool) (string, error) {
	if strings.HasPrefix(id, "#") {
		f, err := h.packageImportsResolve(id, dir, conds, from)
		if err != nil {
			return "", err
		}
		if !strings.HasPrefix(f, "bare:") {
			return f, nil
		}
		id = strings.TrimPrefix(f, "bare:")
		if h.isBuiltinRequest(id) {
			return "builtin:" + id, nil
		}
	}
	exportsFrom := from
	if cjs {
		exportsFrom = "" // require() names no importer in these messages
	}
	return h.resolvePackage(id, dir, conds, exportsFrom, cjs)
}

func isRelative(id string) bool {
	return id == "." || id == ".." || strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../") || filepath.IsAbs(id)
}

func (h *Host) resolvePath(id, dir string) string {
	if isRelative(id) {
		p := id
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, id)
		}
		trailing := strings.HasSuffix(id, "/") || id == "." || id == ".."
		if !trailing {
			if f := tryFile(p); f != "" {
				return f
			}
		}
		return h.tryDir(p)
	}
	for _, nm := range nodeModulesPaths(dir) {
		p := filepath.Join(nm, id)
		if f := tryFile(p); f != "" {
			return f
		}
		if f := h.tryDir(p); f != "" {
			return f
		}
	}
	return ""
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

func tryFile(p string) string {
	if isFile(p) {
		return realpath(p)
	}
	for _, ext := range []string{".js", ".json", ".node", ".cjs", ".mjs"} {
		if ext == ".cjs" || ext == ".mjs" {
			break // Node does not try these extensions
		}
		if isFile(p + ext) {
			return realpath(p + ext)
		}
	}
	return ""
}

func realpath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		if a, err := filepath.Abs(r); err == nil {
			return a
		}
	}
	return p
}

func (h *Host) tryDir(p string) string {
	if b, err := os.ReadFile(filepath.Join(p, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(b, &pkg) == nil && pkg.Main != "" {
			m := filepath.Join(p, pkg.Main)
			if f := tryFile(m); f != "" {
				return f
			}
			if f := tryIndex(m); f != "" {
				return f
			}
		}
	}
	return tryIndex(p)
}

func tryIndex(p string) string {
	for _, ext := range []string{".js", ".json", ".node"} {
		f := filepath.Join(p, "index"+ext)
		if isFile(f) {
			return realpath(f)
		}
	}
	return ""
}

func stripBOMShebang(src string) string {
	src = strings.TrimPrefix(src, "\uFEFF")
	if strings.HasPrefix(src, "#!") {
		// keep columns and lines: turn the shebang into a comment
		src = "//" + src[2:]
	}
	return src
}

// loadModule reads and evaluates filename into module m.
func (h *Host) loadModule(m *sobek.Object, filename string) error {
	rt := h.Runtime
	b, err := os.ReadFile(filename)
	if err != nil {
		return &jsError{h.notFound(filename, nil)}
	}
	src := string(b)
	if strings.HasSuffix(filename, ".json") {
		h.sources[filename] = src
		var v sobek.Value
		ex := rt.Try(func() {
			jp, _ := sobek.AssertFunction(h.Intrinsic("JSON.parse"))
			r, err := jp(sobek.Undefined(), rt.ToValue(strings.TrimPrefix(src, "\uFEFF")))
			if err != nil {
				if ex, ok := err.(*sobek.Exception); ok {
					if eo, ok := ex.Value().(*sobek.Object); ok {
						_ = eo.Set("message", filename+": "+eo.Get("message").String())
					}
				}
				panic(err)
			}
			v = r
		})
		if ex != nil {
			return ex
		}
		_ = m.Set("exports", v)
		_ = m.Set("loaded", true)
		return nil
	}
	if h.isModuleFile(filename) {
		return h.requireESM(m, filename)
	}
	fn, err := h.compileWrapper(filename, src)
	if err != nil {
		if m != h.cjs.main && h.detectESM(filename, err) { // (a main file is left to esmFallback)
			delete(h.sources, filename)
			return h.requireESM(m, filename)
		}
		return err
	}
	exports := m.Get("exports")
	req := h.makeRequire(m)
	dir := filepath.Dir(filename)
	if _, err := fn(exports, exports, req, m, rt.ToValue(filename), rt.ToValue(dir)); err != nil {
		return err
	}
	_ = m.Set("loaded", true)
	return nil
}

var wrapParams = []string{"exports", "require", "module", "__filename", "__dirname"}

// wrapperAST places the statements of ap, the parsed file src, in the
// CommonJS wrapper function.
func wrapperAST(ap *ast.Program, src string) *ast.Program {
	params := make([]*ast.Binding, len(wrapParams))
	for i, p := range wrapParams {
		params[i] = &ast.Binding{Target: &ast.Identifier{Name: unistring.String(p), Idx: 1}}
	}
	fn := &ast.FunctionLiteral{
		// V8 names the wrapper's frames "Object.<anonymous>" (an
		// anonymous function called on module.exports); the name is
		// no identifier, so no code can refer to it
		Name:            &ast.Identifier{Name: "Object.<anonymous>", Idx: 1},
		Function:        1,
		ParameterList:   &ast.ParameterList{Opening: 1, List: params, Closing: 1},
		Body:            &ast.BlockStatement{LeftBrace: 1, List: ap.Body, RightBrace: file.Idx(ap.File.Base() + len(ap.File.Source()))},
		Source:          wrapperHead + src + "\n}",
		DeclarationList: ap.DeclarationList,
	}
	return &ast.Program{Body: []ast.Statement{&ast.ExpressionStatement{Expression: fn}}, File: ap.File}
}

// compileWrapper compiles src as the body of the CommonJS wrapper function
// while keeping every position (line and column) true to the file: the
// source is parsed as a script and its statements are placed in a
// synthetic function node, so nothing is added to the text.
func (h *Host) compileWrapper(filename, src string) (sobek.Callable, error) {
	rt := h.Runtime
	src = stripBOMShebang(src)
	h.sources[filename] = src
	stack.Register(filename, src, 0, 0)
	if err := core.CheckNesting(src); err != nil {
		return nil, h.syntaxError(filename, src, err, 0)
	}
	var prg *sobek.Program
	orig := src
	src = engine.RewriteRegExps(src, false) // regexps sobek compiles wrongly
	ap, perr := parser.ParseFile(nil, filename, src, 0, parser.WithDisableSourceMaps)
	if perr != nil {
		// import() options: sobek refuses a second argument, so only a
		// source it cannot parse pays for tokenizing them out
		if st := h.stripImports(filename, orig, true); st.Code != orig {
			src = engine.RewriteRegExps(st.Code, false)
			ap, perr = parser.ParseFile(nil, filename, src, 0, parser.WithDisableSourceMaps)
		}
	}
	if perr != nil {
		// sobek's parser gaps: `o.default` at a line's end, class fields named get/set (engine/keywordasi.go, classfields.go)
		// (the fixed text differs only by semicolons ASI puts there, so
		// its error, if any, is the true one)
		if fixed, ok := engine.ParseFixups(src); ok {
			src = fixed
			ap, perr = parser.ParseFile(nil, filename, src, 0, parser.WithDisableSourceMaps)
		}
	}
	if perr != nil {
		// async generators / for await: esbuild's lowering (core/lower.go)
		if lp, ok := core.ParseLowered(filename, src, core.LowerScript); ok {
			ap, perr = lp, nil
		}
	}
	if engine.MayAwait(src) {
		if err := engine.EnsureAwaitHook(rt); err != nil {
			return nil, err
		}
	}
	if perr == nil {
		engine.FixArrowSources(ap) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
		if engine.MayAwait(src) {
			engine.GuardParsedAwaits(ap) // sobek's await of a throwing Proxy (engine/awaitguard.go)
		}
		if engine.MayHaveImportCalls(src) && engine.RewriteImportCalls(ap) { // import() options (engine/importhook.go)
			if err := engine.EnsureImportHook(rt); err != nil {
				return nil, err
			}
		}
		if engine.MayHaveFieldArrowThis(src) {
			engine.FixFieldArrowThis(ap) // sobek's `this` in field initializers (engine/fieldthis.go)
		}
		p, err := sobek.CompileAST(wrapperAST(ap, src), false)
		if err != nil {
			if lp, ok := core.ParseLowered(filename, src, core.LowerScript); ok {
				if p2, err2 := sobek.CompileAST(wrapperAST(lp, src), false); err2 == nil {
					p, err = p2, nil
				}
			}
		}
		if err != nil {
			return nil, h.syntaxError(filename, src, err, 0)
		}
		prg = p
	} else if strings.Contains(perr.Error(), "Illegal return statement") || strings.Contains(perr.Error(), "Illegal 'new.target'") {
		// Top-level return: compile with a textual wrapper (columns of the
		// first line shift by the wrapper's length).
		p, err := compileScript(filename, wrapperHead+src+"\n})")
		if err != nil {
			return nil, h.syntaxError(filename, src, err, len(wrapperHead))
		}
		prg = p
	} else {
		return nil, h.syntaxError(filename, src, perr, 0)
	}
	v, err := rt.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	f, _ := sobek.AssertFunction(v)
	return f, nil
}

var parseErrRe = regexp.MustCompile(`^(?:.*?: )?Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors\))?$`)

// syntaxError turns a parser error into a JS SyntaxError with Node's
// message shape, remembering its position for the fatal-error header.
func (h *Host) syntaxError(filename, src string, err error, col1Shift int) error {
	rt := h.Runtime
	if _, deep := err.(*core.NestingError); deep {
		// V8 runs out of stack parsing it: a RangeError, no position
		ctor, _ := sobek.AssertConstructor(rt.Get("RangeError"))
		e, _ := ctor(nil, rt.ToValue(err.Error()))
		return &jsError{e}
	}
	msg := err.Error()
	if ce, ok := err.(*sobek.CompilerSyntaxError); ok {
		msg = ce.Message
	}
	if pe, ok := err.(parser.ErrorList); ok && len(pe) > 0 {
		msg = pe[0].Error()
	}
	msg = strings.TrimPrefix(msg, "SyntaxError: ")
	var pos *srcPos
	if m := parseErrRe.FindStringSubmatch(msg); m != nil {
		l, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		if l == 1 {
			c -= col1Shift
		}
		msg = m[3]
		msg, l, c, _ = stack.SyntaxError(msg, src, 0, 0, l, c) // V8's words and place
		pos = &srcPos{filename, l, c, false}
	} else if ce, ok := err.(*sobek.CompilerSyntaxError); ok && ce.File != nil {
		p := ce.File.Position(ce.Offset)
		msg, p.Line, p.Column, _ = stack.SyntaxError(msg, src, 0, 0, p.Line, p.Column-col1Shift)
		pos = &srcPos{filename, p.Line, p.Column, false}
	}
	if !strings.HasPrefix(msg, "Unexpected token '") {
		msg = nodeSyntaxMessage(msg)
	}
	ctor, _ := sobek.AssertConstructor(rt.Get("SyntaxError"))
	e, _ := ctor(nil, rt.ToValue(msg))
	if pos != nil {
		h.cjs.syntaxPos[e] = pos
	}
	return &jsError{e}
}

var unexpectedTokRe = regexp.MustCompile(`^Unexpected token (\S+)$`)

// nodeSyntaxMessage maps sobek's parser wording to V8's where they differ
// in a regular way.
func nodeSyntaxMessage(msg string) string {
	if m := unexpectedTokRe.FindStringSubmatch(msg); m != nil {
		tok := m[1]
		switch tok {
		case "ILLEGAL", "EOF":
			if tok == "EOF" {
				return "Unexpected end of input"
			}
			return "Invalid or unexpected token"
		}
		return "Unexpected token '" + tok + "'"
	}
	return msg
}

// runMainModule loads path as the main module.
func (h *Host) runMainModule(path string) {
	rt := h.Runtime
	if h.isModuleFile(path) {
		h.runESMMain(path)
		return
	}
	filename := path
	if f := tryFile(path); f != "" {
		filename = f
	} else if f := h.tryDir(path); f != "" {
		filename = f
	} else {
		h.uncaught(h.notFound(path, nil), nil, "uncaughtException")
		return
	}
	m := h.newModule(".", filename, sobek.Null())
	h.cjs.main = m
	_ = h.process.Set("mainModule", m)
	_ = h.cjs.cache.Set(filename, m)
	if err := h.loadModule(m, filename); err != nil {
		if h.esmFallback(filename, err) {
			return
		}
		h.reportLoadError(err)
	}
	_ = rt
}

func (h *Host) reportLoadError(err error) {
	if je, ok := err.(*jsError); ok {
		if o, ok := je.v.(*sobek.Object); ok {
			if p := h.cjs.syntaxPos[o]; p != nil {
				h.uncaught(o, p, "uncaughtException")
				return
			}
		}
	}
	h.reportError(err)
}

// evalScript runs code as node -e: a script in the global scope with
// require & co. as globals.
func (h *Host) evalScript(code, filename string) (sobek.Value, error) {
	rt := h.Runtime
	cwd, _ := os.Getwd()
	m := h.newModule(filename, filepath.Join(cwd, filename), sobek.Undefined())
	_ = m.Set("filename", filepath.Join(cwd, filename))
	_ = m.Set("path", ".")
	g := rt.GlobalObject()
	def := func(name string, v sobek.Value) {
		_ = g.DefineDataProperty(name, v, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
	def("module", m)
	def("exports", m.Get("exports"))
	req := h.makeRequire(m)
	def("require", req)
	h.addBuiltinLibs(req)
	def("__filename", rt.ToValue(filename))
	def("__dirname", rt.ToValue("."))
	h.sources[filename] = code
	stack.Register(filename, code, 0, 0)
	prg, err := compileScript(filename, engine.RewriteRegExps(code, false)) // as a file's (loadCJS)
	if err != nil {
		return nil, h.syntaxError(filename, code, err, 0)
	}
	if engine.MayAwait(code) {
		if err := engine.EnsureAwaitHook(rt); err != nil {
			return nil, err
		}
	}
	return rt.RunProgram(prg)
}

// detectESM: a .js file outside any "type" whose CommonJS compile failed
// on module syntax is an ES module (Node's module detection).
func (h *Host) detectESM(filename string, err error) bool {
	if filepath.Ext(filename) != ".js" {
		return false
	}
	if p := h.pkgScope(filepath.Dir(filename)); p != nil && p.typ != "" {
		return false
	}
	je, ok := err.(*jsError)
	if !ok {
		return false
	}
	o, ok := je.v.(*sobek.Object)
	if !ok || h.cjs.syntaxPos[o] == nil {
		return false
	}
	return esmSyntaxRe.MatchString(h.sources[filename]) || esmOnlyError(o)
}

// requireESM is require() of an ES module, as Node 20.19+: the module
// graph is linked and evaluated synchronously; module.exports becomes its
// namespace (or its "module.exports" export), and a graph with top-level
// await is refused.
func (h *Host) requireESM(m *sobek.Object, filename string) error {
	rt := h.Runtime
	h.esmInit()
	if from, busy := h.requiringESM[filename]; busy {
		return &jsError{nodeerr.New(rt, "Error", "ERR_REQUIRE_CYCLE_MODULE", "Cannot require() ES Module "+filename+" in a cycle. (from "+from+")")}
	}
	if h.requiringESM == nil {
		h.requiringESM = map[string]string{}
	}
	from := "unknown"
	if pm, ok := m.Get("parent").(*sobek.Object); ok {
		if f, ok := pm.Get("filename").Export().(string); ok {
			from = f
		}
	}
	h.requiringESM[filename] = from
	defer delete(h.requiringESM, filename)
	rec, err := h.loadESM(filename)
	if err != nil {
		return err
	}
	if err := rec.Link(); err != nil {
		return h.linkError(err)
	}
	cm, ok := rec.(sobek.CyclicModuleRecord)
	if !ok {
		return nil
	}
	p := rt.CyclicModuleRecordEvaluate(cm, h.esmResolve)
	if p.State() != sobek.PromiseStateFulfilled {
		// the error goes to require's caller, never to the rejection tracker
		po := rt.ToValue(p).(*sobek.Object)
		if then, ok := sobek.AssertFunction(po.Get("then")); ok {
			_, _ = then(po, sobek.Undefined(), rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }))
		}
	}
	switch p.State() {
	case sobek.PromiseStateRejected:
		v := p.Result()
		if ex, ok := v.Export().(*sobek.Exception); ok {
			v = ex.Value()
		}
		return &jsError{v}
	case sobek.PromiseStatePending:
		return &jsError{nodeerr.New(rt, "Error", "ERR_REQUIRE_ASYNC_MODULE", "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.")}
	}
	ns := rt.NamespaceObjectFor(rec)
	var names []string
	rec.GetExportedNames(func(n []string) { names = n })
	hasDefault, hasESModule := false, false
	for _, n := range names {
		switch n {
		case "module.exports":
			_ = m.Set("exports", ns.Get("module.exports"))
			_ = m.Set("loaded", true)
			return nil
		case "default":
			hasDefault = true
		case "__esModule":
			hasESModule = true
		}
	}
	if hasDefault && !hasESModule {
		// Node's facade: the namespace plus __esModule, so that transpiled
		// code reading .default finds the default export
		key := filename
		h.esm.records["synthetic:esm:"+key] = &nsModule{ns: ns, names: names}
		src := "export * from '" + internalPrefix + "esm:" + key + "';\nexport { default } from '" + internalPrefix + "esm:" + key + "';\nexport const __esModule = true;\n"
		fm, err := sobek.ParseModule("esm-facade:"+key, src, h.esmResolve)
		if err == nil {
			err = fm.Link()
		}
		if err != nil {
			return err
		}
		if fp := rt.CyclicModuleRecordEvaluate(fm, h.esmResolve); fp.State() == sobek.PromiseStateFulfilled {
			ns = rt.NamespaceObjectFor(fm)
		}
	}
	_ = m.Set("exports", ns)
	_ = m.Set("loaded", true)
	return nil
}

// nsModule re-exports a namespace object's bindings (the facade of a
// required ES module).
type nsModule struct {
	ns    *sobek.Object
	names []string
}

func (s *nsModule) GetExportedNames(cb func([]string), _ ...sobek.ModuleRecord) bool {
	cb(append([]string(nil), s.names...))
	return true
}

func (s *nsModule) ResolveExport(name string, _ ...sobek.ResolveSetElement) (*sobek.ResolvedBinding, bool) {
	for _, n := range s.names {
		if n == name {
			return &sobek.ResolvedBinding{Module: s, BindingName: name}, false
		}
	}
	return nil, false
}

func (s *nsModule) Link() error { return nil }

func (s *nsModule) Evaluate(rt *sobek.Runtime) *sobek.Promise {
	p, resolve, _ := rt.NewPromise()
	_ = resolve(s)
	return p
}

func (s *nsModule) GetBindingValue(name string) sobek.Value { return s.ns.Get(name) }

// compileScript compiles a sloppy script without reading the
// sourceMappingURL comment: a missing or broken map must never fail a
// load (maps are applied to stacks lazily, with --enable-source-maps).
func compileScript(filename, src string) (*sobek.Program, error) {
	if err := core.CheckNesting(src); err != nil {
		return nil, err
	}
	ap, err := parser.ParseFile(nil, filename, src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		fixed, ok := engine.ParseFixups(src) // sobek's parser gaps (engine.ParseFixups)
		if !ok {
			return nil, err
		}
		if ap, err = parser.ParseFile(nil, filename, fixed, 0, parser.WithDisableSourceMaps); err != nil {
			return nil, err
		}
	}
	engine.FixArrowSources(ap) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	if engine.MayAwait(src) {
		engine.GuardParsedAwaits(ap)
	}
	if engine.MayHaveFieldArrowThis(src) {
		engine.FixFieldArrowThis(ap)
	}
	return sobek.CompileAST(ap, false)
}
