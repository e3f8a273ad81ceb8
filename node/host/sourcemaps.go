package host

import (
	"encoding/base64"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-sourcemap/sourcemap"
)

// --enable-source-maps: stack frames of a file with a sourceMappingURL
// comment are shown at their original position. A map is read and parsed
// the first time a stack that names its file is printed, never at load
// (a bundle with a large map pays nothing until it throws); a missing or
// broken map leaves the frames as they are.

var (
	frameLocRe = regexp.MustCompile(`^(\s+at (?:.*\()?)((?:file://)?/[^():]*):(\d+):(\d+)(\)?)$`)
	mapURLRe   = regexp.MustCompile(`(?m)^[ \t]*//[#@] sourceMappingURL=(\S+)[ \t]*$`)
)

type fileMap struct {
	c   *sourcemap.Consumer
	dir string // the map's folder: relative sources resolve against it
}

// sourceMapFor is the parsed map of file, or nil.
func (h *Host) sourceMapFor(file string) *fileMap {
	if h.srcMaps == nil {
		h.srcMaps = map[string]*fileMap{}
	}
	if m, ok := h.srcMaps[file]; ok {
		return m
	}
	h.srcMaps[file] = nil
	path := file
	if strings.HasPrefix(path, "file://") {
		u, err := url.Parse(path)
		if err != nil {
			return nil
		}
		path = u.Path
	}
	src, ok := h.sources[file]
	if !ok {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		src = string(b)
	}
	ms := mapURLRe.FindAllStringSubmatch(src, -1)
	if len(ms) == 0 {
		return nil
	}
	ref := ms[len(ms)-1][1]
	var data []byte
	dir := filepath.Dir(path)
	if strings.HasPrefix(ref, "data:") {
		meta, payload, found := strings.Cut(ref[5:], ",")
		if !found {
			return nil
		}
		if strings.HasSuffix(meta, ";base64") {
			b, err := base64.StdEncoding.DecodeString(payload)
			if err != nil {
				return nil
			}
			data = b
		} else {
			s, err := url.PathUnescape(payload)
			if err != nil {
				return nil
			}
			data = []byte(s)
		}
	} else {
		p := ref
		if u, err := url.Parse(ref); err == nil && u.Scheme == "file" {
			p = u.Path
		} else if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		data, dir = b, filepath.Dir(p)
	}
	c, err := sourcemap.Parse("", data)
	if err != nil {
		return nil
	}
	m := &fileMap{c: c, dir: dir}
	h.srcMaps[file] = m
	return m
}

// resolve names an original source as a path (relative to the map).
func (fm *fileMap) resolve(src string) string {
	if u, err := url.Parse(src); err == nil && u.Scheme == "file" {
		return u.Path
	}
	if !filepath.IsAbs(src) && !strings.Contains(src, "://") {
		return filepath.Join(fm.dir, src)
	}
	return src
}

var headerRe = regexp.MustCompile(`^((?:file://)?/.*):(\d+)$`)

// mapStack rewrites the frames of a V8-shaped stack through source maps.
func (h *Host) mapStack(s string) string {
	if !h.Options.EnableSourceMaps {
		return s
	}
	lines := strings.Split(s, "\n")
	// the header "file:line", the source line and the caret: shown at the
	// original place, with one more blank line, as Node prints it
	if len(lines) > 2 {
		if m := headerRe.FindStringSubmatch(lines[0]); m != nil {
			if fm := h.sourceMapFor(m[1]); fm != nil {
				line, _ := strconv.Atoi(m[2])
				col := strings.Index(lines[2], "^")
				if src, _, ol, oc, ok := fm.c.Source(line, max(col, 0)); ok && src != "" {
					path := fm.resolve(src)
					text := fm.c.SourceContent(src)
					if text == "" {
						if b, err := os.ReadFile(path); err == nil {
							text = string(b)
						}
					}
					if sl := strings.Split(text, "\n"); ol >= 1 && ol <= len(sl) {
						lines[0] = path + ":" + strconv.Itoa(ol)
						lines[1] = strings.TrimRight(sl[ol-1], "\r")
						lines[2] = strings.Repeat(" ", oc) + "^\n"
					}
				}
			}
		}
	}
	for i, l := range lines {
		m := frameLocRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		fm := h.sourceMapFor(m[2])
		if fm == nil {
			continue
		}
		line, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4])
		src, _, ol, oc, ok := fm.c.Source(line, col-1)
		if !ok || src == "" {
			continue
		}
		lines[i] = m[1] + fm.resolve(src) + ":" + strconv.Itoa(ol) + ":" + strconv.Itoa(oc+1) + m[5]
	}
	return strings.Join(lines, "\n")
}
