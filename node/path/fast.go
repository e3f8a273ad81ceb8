package path

import (
	"os"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// The posix functions over ASCII strings, in Go: the same algorithms as
// path.js (Node's), byte for byte, for the calls that are only computing.
// Any other call (an argument that is not a primitive string, a string
// with non-ASCII characters, whose UTF-16 units the JavaScript counts)
// goes to path.js, which gives Node's validation errors.

// normalizeString resolves . and .. segments of path (no root);
// allowAboveRoot keeps leading .. segments (path.js's normalizeString with
// the posix separator).
func normalizeString(path string, allowAboveRoot bool) string {
	var res []byte
	lastSegmentLength := 0
	lastSlash := -1
	dots := 0
	var code byte
	for i := 0; i <= len(path); i++ {
		if i < len(path) {
			code = path[i]
		} else if code == '/' {
			break
		} else {
			code = '/'
		}
		if code == '/' {
			if lastSlash == i-1 || dots == 1 {
				// empty segment or '.'
			} else if dots == 2 {
				if len(res) < 2 || lastSegmentLength != 2 || res[len(res)-1] != '.' || res[len(res)-2] != '.' {
					if len(res) > 2 {
						lastSlashIndex := strings.LastIndexByte(string(res), '/')
						if lastSlashIndex == -1 {
							res = res[:0]
							lastSegmentLength = 0
						} else {
							res = res[:lastSlashIndex]
							lastSegmentLength = len(res) - 1 - strings.LastIndexByte(string(res), '/')
						}
						lastSlash = i
						dots = 0
						continue
					} else if len(res) != 0 {
						res = res[:0]
						lastSegmentLength = 0
						lastSlash = i
						dots = 0
						continue
					}
				}
				if allowAboveRoot {
					if len(res) > 0 {
						res = append(res, "/.."...)
					} else {
						res = append(res, ".."...)
					}
					lastSegmentLength = 2
				}
			} else {
				if len(res) > 0 {
					res = append(res, '/')
				}
				res = append(res, path[lastSlash+1:i]...)
				lastSegmentLength = i - lastSlash - 1
			}
			lastSlash = i
			dots = 0
		} else if code == '.' && dots != -1 {
			dots++
		} else {
			dots = -1
		}
	}
	return string(res)
}

func posixNormalize(path string) string {
	if len(path) == 0 {
		return "."
	}
	isAbsolute := path[0] == '/'
	trailingSeparator := path[len(path)-1] == '/'
	path = normalizeString(path, !isAbsolute)
	if len(path) == 0 {
		if isAbsolute {
			return "/"
		}
		if trailingSeparator {
			return "./"
		}
		return "."
	}
	if trailingSeparator {
		path += "/"
	}
	if isAbsolute {
		return "/" + path
	}
	return path
}

// posixResolve is resolve over args; cwd gives the working directory when
// no argument is absolute (ok false: it is not ASCII, path.js decides).
func posixResolve(args []string, cwd func() string) (string, bool) {
	resolvedPath := ""
	resolvedAbsolute := false
	for i := len(args) - 1; i >= -1 && !resolvedAbsolute; i-- {
		var path string
		if i >= 0 {
			path = args[i]
		} else {
			path = cwd()
			for j := 0; j < len(path); j++ {
				if path[j] >= 0x80 {
					return "", false
				}
			}
		}
		if len(path) == 0 {
			continue
		}
		resolvedPath = path + "/" + resolvedPath
		resolvedAbsolute = path[0] == '/'
	}
	resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute)
	if resolvedAbsolute {
		return "/" + resolvedPath, true
	}
	if len(resolvedPath) > 0 {
		return resolvedPath, true
	}
	return ".", true
}

func posixRelative(from, to string, cwd func() string) (string, bool) {
	if from == to {
		return "", true
	}
	from, ok1 := posixResolve([]string{from}, cwd)
	to, ok2 := posixResolve([]string{to}, cwd)
	if !ok1 || !ok2 {
		return "", false
	}
	if from == to {
		return "", true
	}
	const fromStart, toStart = 1, 1
	fromEnd := len(from)
	fromLen := fromEnd - fromStart
	toLen := len(to) - toStart
	length := min(fromLen, toLen)
	lastCommonSep := -1
	i := 0
	for ; i < length; i++ {
		fromCode := from[fromStart+i]
		if fromCode != to[toStart+i] {
			break
		} else if fromCode == '/' {
			lastCommonSep = i
		}
	}
	if i == length {
		if toLen > length {
			if to[toStart+i] == '/' {
				return to[toStart+i+1:], true
			}
			if i == 0 {
				return to[toStart+i:], true
			}
		} else if fromLen > length {
			if from[fromStart+i] == '/' {
				lastCommonSep = i
			} else if i == 0 {
				lastCommonSep = 0
			}
		}
	}
	var out strings.Builder
	for i = fromStart + lastCommonSep + 1; i <= fromEnd; i++ {
		if i == fromEnd || from[i] == '/' {
			if out.Len() == 0 {
				out.WriteString("..")
			} else {
				out.WriteString("/..")
			}
		}
	}
	return out.String() + to[toStart+lastCommonSep:], true
}

func posixDirname(path string) string {
	if len(path) == 0 {
		return "."
	}
	hasRoot := path[0] == '/'
	end := -1
	matchedSlash := true
	for i := len(path) - 1; i >= 1; i-- {
		if path[i] == '/' {
			if !matchedSlash {
				end = i
				break
			}
		} else {
			matchedSlash = false
		}
	}
	if end == -1 {
		if hasRoot {
			return "/"
		}
		return "."
	}
	if hasRoot && end == 1 {
		return "//"
	}
	return path[:end]
}

func posixBasename(path, suffix string, hasSuffix bool) string {
	start, end := 0, -1
	matchedSlash := true
	if hasSuffix && len(suffix) > 0 && len(suffix) <= len(path) {
		if suffix == path {
			return ""
		}
		extIdx := len(suffix) - 1
		firstNonSlashEnd := -1
		for i := len(path) - 1; i >= start; i-- {
			code := path[i]
			if code == '/' {
				if !matchedSlash {
					start = i + 1
					break
				}
			} else {
				if firstNonSlashEnd == -1 {
					matchedSlash = false
					firstNonSlashEnd = i + 1
				}
				if extIdx >= 0 {
					if code == suffix[extIdx] {
						extIdx--
						if extIdx == -1 {
							end = i
						}
					} else {
						extIdx = -1
						end = firstNonSlashEnd
					}
				}
			}
		}
		if start == end {
			end = firstNonSlashEnd
		} else if end == -1 {
			end = len(path)
		}
		return path[start:end]
	}
	for i := len(path) - 1; i >= start; i-- {
		if path[i] == '/' {
			if !matchedSlash {
				start = i + 1
				break
			}
		} else if end == -1 {
			matchedSlash = false
			end = i + 1
		}
	}
	if end == -1 {
		return ""
	}
	return path[start:end]
}

func posixExtname(path string) string {
	startDot, startPart, end := -1, 0, -1
	matchedSlash := true
	preDotState := 0
	for i := len(path) - 1; i >= 0; i-- {
		code := path[i]
		if code == '/' {
			if !matchedSlash {
				startPart = i + 1
				break
			}
			continue
		}
		if end == -1 {
			matchedSlash = false
			end = i + 1
		}
		if code == '.' {
			if startDot == -1 {
				startDot = i
			} else if preDotState != 1 {
				preDotState = 1
			}
		} else if startDot != -1 {
			preDotState = -1
		}
	}
	if startDot == -1 || end == -1 || preDotState == 0 ||
		(preDotState == 1 && startDot == end-1 && startDot == startPart+1) {
		return ""
	}
	return path[startDot:end]
}

func getwd() string {
	wd, err := os.Getwd()
	if err != nil {
		return "/"
	}
	return wd
}

// installFast replaces the posix object's functions by Go ones that answer
// ASCII string arguments themselves and hand any other call to the
// JavaScript function they replace.
func installFast(rt *sobek.Runtime, posix *sobek.Object) {
	wrap := func(name string, fast func(args []sobek.Value) (string, bool)) {
		orig, _ := posix.Get(name).(*sobek.Object)
		slow, ok := engine.Direct(orig)
		if !ok {
			return
		}
		f := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			if s, ok := fast(c.Arguments); ok {
				return rt.ToValue(s)
			}
			return slow(c)
		}).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = f.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = posix.Set(name, f)
	}
	strs := func(args []sobek.Value, buf []string) ([]string, bool) {
		for _, a := range args {
			s, ok := engine.ASCIIString(a)
			if !ok {
				return nil, false
			}
			buf = append(buf, s)
		}
		return buf, true
	}
	one := func(args []sobek.Value) (string, bool) {
		if len(args) == 0 {
			return "", false
		}
		return engine.ASCIIString(args[0])
	}
	wrap("join", func(args []sobek.Value) (string, bool) {
		if len(args) == 0 {
			return ".", true
		}
		var b strings.Builder
		for _, a := range args {
			s, ok := engine.ASCIIString(a)
			if !ok {
				return "", false
			}
			if len(s) > 0 {
				if b.Len() > 0 {
					b.WriteByte('/')
				}
				b.WriteString(s)
			}
		}
		if b.Len() == 0 {
			return ".", true
		}
		return posixNormalize(b.String()), true
	})
	wrap("resolve", func(args []sobek.Value) (string, bool) {
		var buf [8]string
		ss, ok := strs(args, buf[:0])
		if !ok {
			return "", false
		}
		return posixResolve(ss, getwd)
	})
	wrap("normalize", func(args []sobek.Value) (string, bool) {
		s, ok := one(args)
		if !ok {
			return "", false
		}
		return posixNormalize(s), true
	})
	wrap("relative", func(args []sobek.Value) (string, bool) {
		if len(args) < 2 {
			return "", false
		}
		from, ok1 := engine.ASCIIString(args[0])
		to, ok2 := engine.ASCIIString(args[1])
		if !ok1 || !ok2 {
			return "", false
		}
		return posixRelative(from, to, getwd)
	})
	wrap("dirname", func(args []sobek.Value) (string, bool) {
		s, ok := one(args)
		if !ok {
			return "", false
		}
		return posixDirname(s), true
	})
	wrap("basename", func(args []sobek.Value) (string, bool) {
		s, ok := one(args)
		if !ok {
			return "", false
		}
		if len(args) < 2 || sobek.IsUndefined(args[1]) {
			return posixBasename(s, "", false), true
		}
		suffix, ok := engine.ASCIIString(args[1])
		if !ok {
			return "", false
		}
		return posixBasename(s, suffix, true), true
	})
	wrap("extname", func(args []sobek.Value) (string, bool) {
		s, ok := one(args)
		if !ok {
			return "", false
		}
		return posixExtname(s), true
	})
}
