// Package url is Node's `url` builtin: WHATWG URL and URLSearchParams (a Go
// parser, whatwg.go, under a JavaScript class layer, url.js) and the legacy
// url.parse/format/resolve basics.
package url

import (
	_ "embed"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/encoding"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed url.js
var source string

var embedded = &host.Embedded{Name: "node:url", Params: "module, exports, internals", Source: source}

// Parse parses input against an optional base as the WHATWG URL parser
// does, returning the serialized href, or ok=false for an invalid URL.
func Parse(input string, base string) (href string, ok bool) {
	var b *record
	if base != "" {
		if b, ok = parse(base, nil); !ok {
			return "", false
		}
	}
	u, ok := parse(input, b)
	if !ok {
		return "", false
	}
	return u.href(), true
}

func components(rt *sobek.Runtime, u *record) *sobek.Object {
	o := rt.NewObject()
	_ = o.Set("href", u.href())
	_ = o.Set("origin", u.origin())
	_ = o.Set("protocol", u.scheme+":")
	_ = o.Set("username", u.username)
	_ = o.Set("password", u.password)
	_ = o.Set("host", u.hostString())
	hn := ""
	if u.host != nil {
		hn = *u.host
	}
	_ = o.Set("hostname", hn)
	_ = o.Set("hasHost", u.host != nil)
	_ = o.Set("port", u.port)
	_ = o.Set("pathname", u.pathname())
	search, hash := "", ""
	if u.query != nil && *u.query != "" {
		search = "?" + *u.query
	}
	if u.fragment != nil && *u.fragment != "" {
		hash = "#" + *u.fragment
	}
	_ = o.Set("search", search)
	_ = o.Set("hash", hash)
	_ = o.Set("special", isSpecial(u.scheme))
	_ = o.Set("opaque", u.opaque != nil)
	return o
}

// formEncode is the application/x-www-form-urlencoded byte serializer.
func formEncode(v sobek.Value) string {
	b := encoding.EncodeUTF8(encoding.Units(v))
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c == ' ':
			sb.WriteByte('+')
		case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			c == '*' || c == '-' || c == '.' || c == '_':
			sb.WriteByte(c)
		default:
			sb.WriteByte('%')
			sb.WriteByte(upperHex[c>>4])
			sb.WriteByte(upperHex[c&15])
		}
	}
	return sb.String()
}

func decodeUTF8Value(b []byte) sobek.Value {
	u, _ := encoding.DecodeUTF8(b)
	return sobek.StringFromUTF16(u)
}

// Load is the loader of the `url` builtin. module.exports.URL and
// .URLSearchParams are the classes the host should also make global.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	in := events.Internals(h)
	_ = in.Set("parse", func(input sobek.Value, base sobek.Value) sobek.Value {
		var b *record
		if base != nil && !sobek.IsUndefined(base) {
			var ok bool
			if b, ok = parse(utf8Of(base), nil); !ok {
				return sobek.Null()
			}
		}
		u, ok := parse(utf8Of(input), b)
		if !ok {
			return sobek.Null()
		}
		return components(rt, u)
	})
	_ = in.Set("formEncode", formEncode)
	_ = in.Set("formDecode", func(s string) sobek.Value {
		return decodeUTF8Value(percentDecode(strings.ReplaceAll(s, "+", " ")))
	})
	_ = in.Set("percentDecode", func(s string) sobek.Value { return decodeUTF8Value(percentDecode(s)) })
	_ = in.Set("encodeUserinfo", func(v sobek.Value) string { return encodeSet(utf8Of(v), inUserinfo) })
	_ = in.Set("domainToASCII", func(s string) string {
		h, ok := parseHost(s, false)
		if !ok {
			return ""
		}
		return h
	})
	_ = in.Set("domainToUnicode", func(s string) string {
		h, ok := parseHost(s, false)
		if !ok {
			return ""
		}
		return domainToUnicode(h)
	})
	_ = in.Set("platform", runtime.GOOS)
	_ = in.Set("resolvePath", func(p string) string {
		if !filepath.IsAbs(p) {
			if wd, err := os.Getwd(); err == nil {
				p = filepath.Join(wd, p)
			}
		}
		return filepath.Clean(p)
	})
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), in)
	return err
}

// utf8Of converts a JS string to UTF-8, lone surrogates becoming U+FFFD
// (the USVString conversion).
func utf8Of(v sobek.Value) string {
	return string(encoding.EncodeUTF8(encoding.Units(v)))
}
