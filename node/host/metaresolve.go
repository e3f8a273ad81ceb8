package host

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
)

// import.meta.resolve(specifier) of Node v20: synchronous, the URL the
// module's loader would import for specifier, without loading it. A
// module that is not found still resolves to its URL (Node returns the
// url of its ERR_MODULE_NOT_FOUND); a package that is not found, a
// subpath a package does not export and an undefined #import throw.

var metaResolveFactory *sobek.Program

var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// metaResolve makes the resolve function of the module at path p: a
// JavaScript function (Node's is: named resolve, length 1) calling
// resolveURL.
func (h *Host) metaResolve(p string) sobek.Value {
	rt := h.Runtime
	if metaResolveFactory == nil {
		metaResolveFactory = sobek.MustCompile("import.meta.resolve", "(function (native) { return function resolve(specifier, parentURL = undefined) { return native(`${specifier}`); }; })", true)
	}
	f, err := rt.RunProgram(metaResolveFactory)
	if err != nil {
		return sobek.Undefined()
	}
	mk, _ := sobek.AssertFunction(f)
	fn, err := mk(sobek.Undefined(), rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		u, err := h.resolveURL(c.Argument(0).String(), p)
		if err != nil {
			panic(errValue(h, err))
		}
		return rt.ToValue(u)
	}))
	if err != nil {
		return sobek.Undefined()
	}
	return fn
}

// resolveURL resolves spec as an import from the file at from, to a URL.
func (h *Host) resolveURL(spec, from string) (string, error) {
	dir := filepath.Dir(from)
	if h.isBuiltinRequest(spec) {
		return "node:" + strings.TrimPrefix(spec, "node:"), nil
	}
	if strings.HasPrefix(spec, "file:") || isRelative(spec) && !filepath.IsAbs(spec) || strings.HasPrefix(spec, "/") {
		base, _ := url.Parse(fileURL(from))
		ref, err := url.Parse(spec)
		if err != nil || base == nil {
			return "", &jsError{nodeerr.New(h.Runtime, "TypeError", "ERR_INVALID_URL", "Invalid URL")}
		}
		u := base.ResolveReference(ref)
		if u.Scheme == "file" && isFile(u.Path) {
			if r := realpath(u.Path); r != u.Path {
				u.Path, u.RawPath = r, ""
			}
		}
		return u.String(), nil
	}
	if schemeRe.MatchString(spec) {
		return spec, nil // another scheme: the URL as written
	}
	f, err := h.resolveBare(spec, dir, importConditions, from, false)
	if err != nil {
		return "", &jsError{h.resolveErrorValue(err)}
	}
	if b, ok := strings.CutPrefix(f, "builtin:"); ok {
		return "node:" + strings.TrimPrefix(b, "node:"), nil
	}
	if f == "" {
		return "", h.packageNotFound(spec, from)
	}
	if isFile(f) {
		f = realpath(f)
	}
	return fileURL(f), nil
}
