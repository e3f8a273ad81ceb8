package host

import (
	"os"
	"path/filepath"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/cjslex"
)

// cjsExportNames is Node's cjsPreparseModuleExports: the named exports of
// the CommonJS file at abs as the lexer finds them in its source, with
// those of the files it re-exports (module.exports = require('./x'),
// ...require(), transpilers' export *) resolved as require would from
// its directory (.js, .cjs or an extension require does not know; builtins
// and .json are not looked into). A source the lexer cannot read has
// none. seen breaks cycles of re-exports.
func (h *Host) cjsExportNames(abs string, seen map[string]bool) []string {
	if seen[abs] {
		return nil
	}
	seen[abs] = true
	b, err := os.ReadFile(abs)
	if err != nil {
		return nil
	}
	res, err := cjslex.Parse(string(b))
	if err != nil {
		return nil
	}
	names := res.Exports
	for _, spec := range res.Reexports {
		f := h.cjsResolveQuiet(spec, abs)
		if f == "" || !filepath.IsAbs(f) {
			continue
		}
		switch filepath.Ext(f) {
		case ".json", ".node":
			continue
		}
		names = append(names, h.cjsExportNames(f, seen)...)
	}
	return names
}

// cjsResolveQuiet is require.resolve(spec) from the file at from, or ""
// where it would throw or names a builtin.
func (h *Host) cjsResolveQuiet(spec, from string) string {
	if h.isBuiltinRequest(spec) {
		return ""
	}
	dir := filepath.Dir(from)
	if isRelative(spec) {
		return h.resolvePath(spec, dir)
	}
	f, err := h.resolveBare(spec, dir, requireConditions, from, true)
	if err != nil || f == "" || !isFile(f) {
		return ""
	}
	return realpath(f)
}

// ownValue is o[k] when k is an own property of o (own: o's own names;
// a throwing getter reads as undefined, as Node's try/catch around it).
func ownValue(rt *sobek.Runtime, o *sobek.Object, own map[string]bool, k string) (sobek.Value, bool) {
	if !own[k] {
		return nil, false
	}
	var v sobek.Value
	if ex := rt.Try(func() { v = o.Get(k) }); ex != nil || v == nil {
		return sobek.Undefined(), true
	}
	return v, true
}

// ownNames is the set of o's own string keys (a throwing ownKeys trap:
// none).
func ownNames(rt *sobek.Runtime, o *sobek.Object) map[string]bool {
	own := map[string]bool{}
	_ = rt.Try(func() {
		for _, k := range o.GetOwnPropertyNames() {
			own[k] = true
		}
	})
	return own
}
