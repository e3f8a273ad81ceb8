package host

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
)

// Package resolution as Node's: package.json "exports" (subpaths, patterns,
// conditions) and "imports" (#names), "type", and the legacy "main"
// lookup for packages without "exports".

// jsonNode is a JSON value that keeps the order of object keys, which
// decides which condition of "exports" wins.
type jsonNode struct {
	str   *string
	arr   []*jsonNode
	keys  []string
	vals  map[string]*jsonNode
	isNil bool // JSON null
	other bool // a number or boolean: an invalid target
}

func decodeOrdered(d *json.Decoder) (*jsonNode, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &jsonNode{vals: map[string]*jsonNode{}}
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeOrdered(d)
				if err != nil {
					return nil, err
				}
				if _, dup := n.vals[k]; !dup {
					n.keys = append(n.keys, k)
				}
				n.vals[k] = v
			}
			_, err := d.Token()
			return n, err
		case '[':
			n := &jsonNode{arr: []*jsonNode{}}
			for d.More() {
				v, err := decodeOrdered(d)
				if err != nil {
					return nil, err
				}
				n.arr = append(n.arr, v)
			}
			_, err := d.Token()
			return n, err
		}
	case string:
		return &jsonNode{str: &t}, nil
	case nil:
		return &jsonNode{isNil: true}, nil
	}
	return &jsonNode{other: true}, nil
}

// pkgJSON is what the loader reads of a package.json.
type pkgJSON struct {
	path    string // the package.json file
	dir     string
	name    string
	main    string
	typ     string
	exports *jsonNode
	imports *jsonNode
	bad     bool // not valid JSON
}

// readPkg reads dir/package.json (cached per host), or nil if none.
func (h *Host) readPkg(dir string) *pkgJSON {
	if h.pkgCache == nil {
		h.pkgCache = map[string]*pkgJSON{}
	}
	if p, ok := h.pkgCache[dir]; ok {
		return p
	}
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		h.pkgCache[dir] = nil
		return nil
	}
	p := &pkgJSON{path: filepath.Join(dir, "package.json"), dir: dir}
	root, err := decodeOrdered(json.NewDecoder(bytes.NewReader(b)))
	if err != nil || root.vals == nil {
		p.bad = true
	} else {
		str := func(k string) string {
			if v := root.vals[k]; v != nil && v.str != nil {
				return *v.str
			}
			return ""
		}
		p.name, p.main, p.typ = str("name"), str("main"), str("type")
		p.exports, p.imports = root.vals["exports"], root.vals["imports"]
	}
	h.pkgCache[dir] = p
	return p
}

// pkgScope is the package.json governing a file in dir: the nearest one
// up the tree (not crossing a node_modules folder).
func (h *Host) pkgScope(dir string) *pkgJSON {
	for {
		if filepath.Base(dir) == "node_modules" {
			return nil
		}
		if p := h.readPkg(dir); p != nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// isModuleFile says whether filename is an ES module by its name and
// package scope (.mjs, or .js under "type": "module").
func (h *Host) isModuleFile(filename string) bool {
	switch filepath.Ext(filename) {
	case ".mjs":
		return true
	case ".js":
		p := h.pkgScope(filepath.Dir(filename))
		return p != nil && p.typ == "module"
	}
	return false
}

// resolveError is a resolution failure with Node's code.
type resolveError struct {
	code, msg string
}

func (e *resolveError) Error() string { return e.msg }

// conditions for require() and for import.
var (
	requireConditions = map[string]bool{"node": true, "require": true, "default": true, "module-sync": true}
	importConditions  = map[string]bool{"node": true, "import": true, "default": true, "module-sync": true}
)

// splitPackageName splits a bare specifier into the package name and the
// subpath ("." or "./rest").
func splitPackageName(spec string) (name, sub string, ok bool) {
	parts := strings.SplitN(spec, "/", 3)
	n := 1
	if strings.HasPrefix(spec, "@") {
		if len(parts) < 2 || parts[1] == "" {
			return "", "", false
		}
		n = 2
	}
	name = strings.Join(parts[:min(n, len(parts))], "/")
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, "\\%") {
		return "", "", false
	}
	sub = "." + spec[len(name):]
	return name, sub, true
}

// exportsMain: "exports" is a string, an array, or an object of
// conditions rather than of subpaths.
func exportsSugar(e *jsonNode) bool {
	if e.str != nil || e.arr != nil {
		return true
	}
	if e.vals == nil {
		return false
	}
	for _, k := range e.keys {
		return !strings.HasPrefix(k, ".")
	}
	return false
}

// packageExportsResolve resolves subpath ("." or "./x") of the package
// in pkg against its "exports"; "" with a resolveError when not exported.
func packageExportsResolve(pkg *pkgJSON, sub string, conds map[string]bool, from string) (string, error) {
	exp := pkg.exports
	if exportsSugar(exp) {
		exp = &jsonNode{keys: []string{"."}, vals: map[string]*jsonNode{".": exp}}
	}
	notExported := func() error {
		msg := "Package subpath '" + sub + "' is not defined by \"exports\" in " + pkg.path
		if sub == "." {
			msg = "No \"exports\" main defined in " + pkg.path
		}
		if from != "" {
			msg += " imported from " + from
		}
		return &resolveError{"ERR_PACKAGE_PATH_NOT_EXPORTED", msg}
	}
	if exp.vals == nil {
		return "", notExported()
	}
	r, err := matchMap(pkg, exp, sub, conds, false, from)
	if err != nil {
		return "", err
	}
	if r == "" {
		return "", notExported()
	}
	return r, nil
}

// matchMap finds key (an exact entry, or the best "*" pattern) in an
// exports or imports map and resolves its target.
func matchMap(pkg *pkgJSON, m *jsonNode, key string, conds map[string]bool, isImports bool, from string) (string, error) {
	if t, ok := m.vals[key]; ok && !strings.Contains(key, "*") {
		return resolveTarget(pkg, t, "", false, isImports, conds, from)
	}
	bestKey, bestMatch := "", ""
	keys := append([]string(nil), m.keys...)
	for _, k := range keys {
		star := strings.Index(k, "*")
		if star < 0 || strings.Count(k, "*") != 1 {
			continue
		}
		base, trailer := k[:star], k[star+1:]
		if !strings.HasPrefix(key, base) || key == base {
			continue
		}
		if trailer != "" && (!strings.HasSuffix(key, trailer) || len(key) < len(k)) {
			continue
		}
		if bestKey == "" || patternKeyCompare(bestKey, k) > 0 {
			bestKey, bestMatch = k, key[len(base):len(key)-len(trailer)]
		}
	}
	if bestKey != "" {
		return resolveTarget(pkg, m.vals[bestKey], bestMatch, true, isImports, conds, from)
	}
	return "", nil
}

// patternKeyCompare orders pattern keys as Node's PATTERN_KEY_COMPARE:
// longer base first, then longer key.
func patternKeyCompare(a, b string) int {
	ia, ib := strings.Index(a, "*"), strings.Index(b, "*")
	if ia > ib {
		return -1
	}
	if ib > ia {
		return 1
	}
	if len(a) > len(b) {
		return -1
	}
	if len(b) > len(a) {
		return 1
	}
	return 0
}

func resolveTarget(pkg *pkgJSON, t *jsonNode, match string, pattern, isImports bool, conds map[string]bool, from string) (string, error) {
	switch {
	case t.str != nil:
		s := *t.str
		if !strings.HasPrefix(s, "./") {
			if isImports && !strings.HasPrefix(s, "../") && !strings.HasPrefix(s, "/") {
				if pattern {
					s = strings.ReplaceAll(s, "*", match)
				}
				return "bare:" + s, nil // a package specifier, resolved by the caller
			}
			return "", &resolveError{"ERR_INVALID_PACKAGE_TARGET", "Invalid \"exports\" target " + jsonQuote(s) + " defined in the package config " + pkg.path}
		}
		if pattern {
			s = strings.ReplaceAll(s, "*", match)
		}
		for _, seg := range strings.Split(s[2:], "/") {
			if seg == ".." || seg == "node_modules" {
				return "", &resolveError{"ERR_INVALID_PACKAGE_TARGET", "Invalid \"exports\" target " + jsonQuote(*t.str) + " defined in the package config " + pkg.path}
			}
		}
		return filepath.Join(pkg.dir, filepath.FromSlash(s)), nil
	case t.arr != nil:
		var last error
		for _, e := range t.arr {
			r, err := resolveTarget(pkg, e, match, pattern, isImports, conds, from)
			if err != nil {
				if re, ok := err.(*resolveError); ok && re.code == "ERR_INVALID_PACKAGE_TARGET" {
					last = err
					continue
				}
				return "", err
			}
			if r != "" {
				return r, nil
			}
		}
		return "", last
	case t.vals != nil:
		for _, k := range t.keys {
			if k == "default" || conds[k] {
				r, err := resolveTarget(pkg, t.vals[k], match, pattern, isImports, conds, from)
				if err != nil {
					return "", err
				}
				if r != "" {
					return r, nil
				}
			}
		}
		return "", nil
	}
	return "", nil // null or a non-string: not exported
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// packageImportsResolve resolves a "#name" specifier from a file in dir.
func (h *Host) packageImportsResolve(spec, dir string, conds map[string]bool, from string) (string, error) {
	pkg := h.pkgScope(dir)
	notDefined := func() error {
		msg := "Package import specifier \"" + spec + "\" is not defined"
		if pkg != nil {
			msg += " in package " + pkg.path
		}
		if from != "" {
			msg += " imported from " + from
		}
		return &resolveError{"ERR_PACKAGE_IMPORT_NOT_DEFINED", msg}
	}
	if spec == "#" || strings.HasPrefix(spec, "#/") {
		return "", &resolveError{"ERR_INVALID_MODULE_SPECIFIER", "Invalid module \"" + spec + "\" is not a valid internal imports specifier name imported from " + from}
	}
	if pkg == nil || pkg.imports == nil || pkg.imports.vals == nil {
		return "", notDefined()
	}
	r, err := matchMap(pkg, pkg.imports, spec, conds, true, from)
	if err != nil {
		return "", err
	}
	if r == "" {
		return "", notDefined()
	}
	return r, nil
}

// resolvePackage resolves a bare specifier from dir: the package's own
// name (self-reference), then node_modules folders up the tree. It returns
// the file path; "" when no package folder is found; a resolveError when
// "exports" forbids the subpath. cjs selects require's file lookup (adding
// extensions) for packages without "exports".
func (h *Host) resolvePackage(spec, dir string, conds map[string]bool, from string, cjs bool) (string, error) {
	name, sub, ok := splitPackageName(spec)
	if !ok {
		return "", nil
	}
	if scope := h.pkgScope(dir); scope != nil && scope.name == name && scope.exports != nil {
		return packageExportsResolve(scope, sub, conds, from)
	}
	for _, nm := range nodeModulesPaths(dir) {
		pdir := filepath.Join(nm, filepath.FromSlash(name))
		fi, err := os.Stat(pdir)
		if err != nil || !fi.IsDir() {
			if cjs { // a file node_modules/name.js
				if f := tryFile(filepath.Join(nm, spec)); f != "" {
					return f, nil
				}
			}
			continue
		}
		pkg := h.readPkg(pdir)
		if pkg != nil && pkg.exports != nil && !pkg.exports.isNil {
			return packageExportsResolve(pkg, sub, conds, from)
		}
		p := filepath.Join(nm, filepath.FromSlash(spec))
		if cjs {
			if f := tryFile(p); f != "" {
				return f, nil
			}
			if f := h.tryDir(p); f != "" {
				return f, nil
			}
			continue
		}
		if sub == "." {
			if pkg != nil && pkg.main != "" {
				m := filepath.Join(pdir, pkg.main)
				if f := tryFile(m); f != "" {
					return f, nil
				}
				if f := tryIndex(m); f != "" {
					return f, nil
				}
			}
			if f := tryIndex(pdir); f != "" {
				return f, nil
			}
			return "", &resolveError{"ERR_MODULE_NOT_FOUND", "Cannot find package '" + pdir + "' imported from " + from}
		}
		return p, nil
	}
	return "", nil
}

// resolveErrorValue makes the JS error of a resolveError.
func (h *Host) resolveErrorValue(err error) *sobek.Object {
	re, ok := err.(*resolveError)
	if !ok {
		return h.Runtime.NewGoError(err)
	}
	kind := "Error"
	if re.code == "ERR_INVALID_MODULE_SPECIFIER" || re.code == "ERR_PACKAGE_IMPORT_NOT_DEFINED" {
		kind = "TypeError"
	}
	return nodeerr.New(h.Runtime, kind, re.code, re.msg)
}
