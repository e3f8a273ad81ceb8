package vm

import (
	"regexp"
	"sort"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
)

// moduleRequest is one of a source text module's requests as V8 lists
// them (Node's moduleRequests): one per specifier, import attributes and
// phase, in the order of first appearance.
type moduleRequest struct {
	spec   string
	attrs  [][2]string // in source order
	source bool        // phase 'source' (import source x from '...')
}

// cacheKey is Node's ModuleCacheKey: specifier and attributes (not the
// phase); requests of one key must be linked to one module.
func (r moduleRequest) cacheKey() string {
	var b strings.Builder
	b.WriteString(r.spec)
	for _, a := range r.attrs {
		b.WriteString("\x00" + a[0] + "\x00" + a[1])
	}
	return b.String()
}

// attrsAt is the import attributes of a static import of spec whose
// declaration starts at off (an offset into the module's source).
type attrsAt struct {
	off   int
	spec  string
	attrs [][2]string
}

var sourcePhaseRe = regexp.MustCompile(`\bimport\s+source\s+([A-Za-z_$][\w$]*)\s+from\s*("[^"\n]*"|'[^'\n]*')`)

// stripSourcePhase rewrites each `import source x from 'spec'` (which
// sobek does not parse) into a declaration of x of the same length,
// keeping every position; it returns the offsets and specifiers of those
// source-phase requests. No module jsvm links has a source object, so
// instantiating a graph with one fails (sourcePhaseError) before x could
// be read.
func stripSourcePhase(src string) (string, []attrsAtSpec) {
	if !strings.Contains(src, "source") {
		return src, nil
	}
	idx := sourcePhaseRe.FindAllStringSubmatchIndex(src, -1)
	if len(idx) == 0 {
		return src, nil
	}
	var reqs []attrsAtSpec
	b := []byte(src)
	for _, m := range idx {
		for i := m[0]; i < m[1]; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
		copy(b[m[0]:], "let "+src[m[2]:m[3]])
		reqs = append(reqs, attrsAtSpec{off: m[0], spec: src[m[4]+1 : m[5]-1]})
	}
	// a match inside a string, template or comment is no import: only
	// rewrites that begin a top-level statement stay
	prog, err := parser.ParseFile(nil, "", string(b), 0, parser.IsModule, parser.WithDisableSourceMaps)
	if err != nil {
		return string(b), reqs
	}
	starts := map[int]bool{}
	for _, st := range prog.Body {
		starts[int(st.Idx0())-1] = true
	}
	kept := reqs[:0]
	for i, r := range reqs {
		if starts[r.off] {
			kept = append(kept, r)
			continue
		}
		copy(b[idx[i][0]:idx[i][1]], src[idx[i][0]:idx[i][1]])
	}
	return string(b), kept
}

type attrsAtSpec struct {
	off  int
	spec string
}

// scanRequests lists a module's requests from its source as sobek
// compiled it (attributes blanked, source-phase imports rewritten): the
// static imports and re-exports in order, each with the attributes found
// at its position.
func scanRequests(src string, attrs []attrsAt, sources []attrsAtSpec) []moduleRequest {
	prog, err := parser.ParseFile(nil, "", src, 0, parser.IsModule, parser.WithDisableSourceMaps)
	if err != nil {
		return nil
	}
	type at struct {
		off int
		req moduleRequest
	}
	var found []at
	body := prog.Body
	next := 0 // attrs are in source order, as the declarations
	for _, st := range body {
		start := int(st.Idx0()) - 1
		spec, ok := "", false
		switch d := st.(type) {
		case *ast.ImportDeclaration:
			spec, ok = d.ModuleSpecifier.String(), true
			if d.FromClause != nil {
				spec = d.FromClause.ModuleSpecifier.String()
			}
		case *ast.ExportDeclaration:
			if d.FromClause != nil {
				spec, ok = d.FromClause.ModuleSpecifier.String(), true
			}
		}
		if !ok {
			continue
		}
		r := moduleRequest{spec: spec}
		for k := next; k < len(attrs); k++ {
			if attrs[k].spec == spec {
				r.attrs, next = attrs[k].attrs, k+1
				break
			}
		}
		found = append(found, at{start, r})
	}
	for _, s := range sources {
		found = append(found, at{s.off, moduleRequest{spec: s.spec, source: true}})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].off < found[j].off })
	seen := map[string]bool{}
	var out []moduleRequest
	for _, f := range found {
		k := f.req.cacheKey()
		if f.req.source {
			k = "source\x00" + k
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, f.req)
		}
	}
	return out
}

// requestsOf returns v's requests, scanned once.
func (v *vmModule) requestsOf() []moduleRequest {
	if !v.scanned {
		v.scanned = true
		v.requests = scanRequests(v.compiled, v.attrsAt, v.sourceReqs)
		if v.requests == nil && len(v.cm.Specs) > 0 {
			// not scanned (cannot happen for a module that compiled): one
			// request per specifier sobek found
			for _, spec := range v.cm.Specs {
				r := moduleRequest{spec: spec}
				for k, x := range v.attrs[spec] {
					r.attrs = append(r.attrs, [2]string{k, x})
				}
				sort.Slice(r.attrs, func(i, j int) bool { return r.attrs[i][0] < r.attrs[j][0] })
				v.requests = append(v.requests, r)
			}
		}
	}
	return v.requests
}

// linkRequests links v's requests to deps (one per request, in order), as
// Node's ModuleWrap::Link: requests of one cache key must name one module
// (ERR_MODULE_LINK_MISMATCH). sobek binds one module per specifier, so
// one specifier with other attributes linked to another module is
// refused. It returns the error to throw, or "".
func (v *vmModule) linkRequests(deps []*vmModule) (code, msg string) {
	reqs := v.requestsOf()
	byKey := map[string]*vmModule{}
	bySpec := map[string]*vmModule{}
	for i, r := range reqs {
		k := r.cacheKey()
		if prev, ok := byKey[k]; ok && prev != deps[i] {
			return "ERR_MODULE_LINK_MISMATCH", "Module request '" + describeRequest(r) + "' at index " + itoa(i) + " must be linked to the same module requested at index " + itoa(indexOfKey(reqs, k))
		}
		byKey[k] = deps[i]
		if r.source {
			continue
		}
		if prev, ok := bySpec[r.spec]; ok && prev != deps[i] {
			return "ERR_JSVM_LINK_UNSUPPORTED", "jsvm links one module per specifier: '" + r.spec + "' is requested with other import attributes and linked to another module"
		}
		bySpec[r.spec] = deps[i]
	}
	for i, r := range reqs {
		if r.source {
			if v.sourceLinked == nil {
				v.sourceLinked = map[string]*vmModule{}
			}
			v.sourceLinked[r.spec] = deps[i]
		} else {
			v.cm.Resolved[r.spec] = deps[i].cm
		}
	}
	return "", ""
}

func indexOfKey(reqs []moduleRequest, k string) int {
	for i, r := range reqs {
		if r.cacheKey() == k {
			return i
		}
	}
	return -1
}

func describeRequest(r moduleRequest) string {
	s := r.spec
	for i, a := range r.attrs {
		if i == 0 {
			s += "' with { "
		} else {
			s += ", "
		}
		s += a[0] + ": '" + a[1] + "'"
		if i == len(r.attrs)-1 {
			s += " }"
		}
	}
	if len(r.attrs) > 0 {
		return strings.TrimSuffix(s, "'")
	}
	return s
}

// sourcePhaseTarget names the module a source-phase import of the graph
// of v asks for, or "": no module jsvm links (source text or synthetic)
// has a source object, so V8's instantiation would fail there.
func sourcePhaseTarget(v *vmModule) string {
	for _, r := range v.requestsOf() {
		if !r.source {
			continue
		}
		if d := v.sourceLinked[r.spec]; d != nil {
			return d.cm.ID
		}
		return r.spec
	}
	return ""
}
