package url

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// record is a parsed WHATWG URL.
type record struct {
	scheme   string // without ':'
	username string
	password string
	host     *string // nil: no host
	port     string  // "" when default or absent
	path     []string
	opaque   *string // opaque path (non-special URLs without "/")
	query    *string
	fragment *string
}

var specialPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

func isSpecial(s string) bool { _, ok := specialPorts[s]; return ok }

// percent-encode sets
func inC0(c byte) bool { return c < 0x20 || c > 0x7E }
func inFragment(c byte) bool {
	return inC0(c) || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`'
}
func inQuery(c byte) bool { return inC0(c) || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>' }
func inSpecialQuery(c byte) bool {
	return inQuery(c) || c == '\''
}
func inPath(c byte) bool { return inQuery(c) || c == '?' || c == '`' || c == '{' || c == '}' }
func inUserinfo(c byte) bool {
	return inPath(c) || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || (c >= '[' && c <= ']') || c == '|'
}

const upperHex = "0123456789ABCDEF"

func encodeSet(s string, set func(byte) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if set(c) {
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func ishex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isAlpha(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func cleanInput(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= 0x20 })
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

func splitScheme(s string) (scheme, rest string, ok bool) {
	if len(s) == 0 || !isAlpha(s[0]) {
		return "", s, false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == ':' {
			return strings.ToLower(s[:i]), s[i+1:], true
		}
		if !(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
			return "", s, false
		}
	}
	return "", s, false
}

// parse implements the WHATWG URL parser for the common cases.
func parse(input string, base *record) (*record, bool) {
	s := cleanInput(input)
	scheme, rest, hasScheme := splitScheme(s)
	if !hasScheme {
		if base == nil {
			return nil, false
		}
		if base.opaque != nil {
			if strings.HasPrefix(s, "#") {
				u := *base
				f := encodeSet(s[1:], inFragment)
				u.fragment = &f
				return &u, true
			}
			return nil, false
		}
		return relative(s, base)
	}
	u := &record{scheme: scheme}
	special := isSpecial(scheme)
	if special {
		if base != nil && base.scheme == scheme && scheme != "file" && !strings.HasPrefix(rest, "/") && !strings.HasPrefix(rest, "\\") {
			return relative(rest, base)
		}
		if scheme == "file" {
			return parseFile(rest, base)
		}
		rest = strings.TrimLeft(rest, "/\\")
		return authorityAndRest(u, rest)
	}
	if strings.HasPrefix(rest, "//") {
		return authorityAndRest(u, rest[2:])
	}
	if strings.HasPrefix(rest, "/") {
		return pathAndRest(u, rest)
	}
	// opaque path
	p, tail := cut(rest, "?#")
	op := encodeSet(p, inC0)
	u.opaque = &op
	return queryAndFragment(u, tail)
}

func cut(s, stops string) (string, string) {
	if i := strings.IndexAny(s, stops); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

func queryAndFragment(u *record, tail string) (*record, bool) {
	if strings.HasPrefix(tail, "?") {
		q, t := cut(tail[1:], "#")
		set := inQuery
		if isSpecial(u.scheme) {
			set = inSpecialQuery
		}
		q = encodeSet(q, set)
		u.query = &q
		tail = t
	}
	if strings.HasPrefix(tail, "#") {
		f := encodeSet(tail[1:], inFragment)
		u.fragment = &f
	}
	return u, true
}

func authorityAndRest(u *record, rest string) (*record, bool) {
	special := isSpecial(u.scheme)
	stops := "/?#"
	if special {
		stops = "/?#\\"
	}
	auth, tail := cut(rest, stops)
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		info := auth[:at]
		auth = auth[at+1:]
		user, pass, hasPass := strings.Cut(info, ":")
		u.username = encodeSet(user, inUserinfo)
		if hasPass {
			u.password = encodeSet(pass, inUserinfo)
		}
		if auth == "" {
			return nil, false
		}
	}
	hostPart, port := auth, ""
	if i := strings.LastIndexByte(auth, ':'); i >= 0 && !strings.Contains(auth[i:], "]") {
		hostPart, port = auth[:i], auth[i+1:]
	}
	if hostPart == "" {
		if special || port != "" || u.username != "" || u.password != "" {
			return nil, false
		}
	}
	h, ok := parseHost(hostPart, !special)
	if !ok {
		return nil, false
	}
	u.host = &h
	if port != "" {
		for i := 0; i < len(port); i++ {
			if port[i] < '0' || port[i] > '9' {
				return nil, false
			}
		}
		n, err := strconv.Atoi(port)
		if err != nil || n > 65535 {
			return nil, false
		}
		port = strconv.Itoa(n)
		if specialPorts[u.scheme] == port {
			port = ""
		}
		u.port = port
	}
	return pathAndRest(u, tail)
}

func pathAndRest(u *record, rest string) (*record, bool) {
	p, tail := cut(rest, "?#")
	u.path = normalizePath(nil, p, isSpecial(u.scheme))
	if isSpecial(u.scheme) && len(u.path) == 0 {
		u.path = []string{""}
	}
	return queryAndFragment(u, tail)
}

func isSingleDot(s string) bool { return s == "." || strings.EqualFold(s, "%2e") }
func isDoubleDot(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// normalizePath appends the segments of p (which starts with "/" or is
// relative) to base, resolving "." and "..".
func normalizePath(base []string, p string, special bool) []string {
	path := append([]string(nil), base...)
	if p == "" {
		return path
	}
	if special {
		p = strings.ReplaceAll(p, "\\", "/")
	}
	p = strings.TrimPrefix(p, "/")
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch {
		case isDoubleDot(seg):
			if len(path) > 0 && !(len(path) == 1 && isDriveLetter(path[0], true) && false) {
				path = path[:len(path)-1]
			}
			if last {
				path = append(path, "")
			}
		case isSingleDot(seg):
			if last {
				path = append(path, "")
			}
		default:
			path = append(path, encodeSet(seg, inPath))
		}
	}
	return path
}

func isDriveLetter(s string, normalized bool) bool {
	return len(s) == 2 && isAlpha(s[0]) && (s[1] == ':' || (!normalized && s[1] == '|'))
}

func relative(s string, base *record) (*record, bool) {
	special := isSpecial(base.scheme)
	if base.scheme == "file" {
		return parseFile(s, base)
	}
	u := &record{scheme: base.scheme}
	isSlash := func(c byte) bool { return c == '/' || (special && c == '\\') }
	switch {
	case len(s) >= 2 && isSlash(s[0]) && isSlash(s[1]):
		rest := s[2:]
		if special {
			rest = strings.TrimLeft(rest, "/\\")
		}
		return authorityAndRest(u, rest)
	case len(s) >= 1 && isSlash(s[0]):
		copyAuthority(u, base)
		return pathAndRest(u, s)
	}
	copyAuthority(u, base)
	u.path = append([]string(nil), base.path...)
	if s == "" {
		u.query = base.query
		return u, true
	}
	if s[0] == '?' {
		return queryAndFragment(u, s)
	}
	if s[0] == '#' {
		u.query = base.query
		return queryAndFragment(u, s)
	}
	p, tail := cut(s, "?#")
	dir := u.path
	if len(dir) > 0 {
		dir = dir[:len(dir)-1]
	}
	u.path = normalizePath(dir, p, special)
	return queryAndFragment(u, tail)
}

func copyAuthority(u, base *record) {
	u.username, u.password, u.host, u.port = base.username, base.password, base.host, base.port
}

func parseFile(rest string, base *record) (*record, bool) {
	u := &record{scheme: "file"}
	empty := ""
	isSlash := func(c byte) bool { return c == '/' || c == '\\' }
	if len(rest) >= 2 && isSlash(rest[0]) && isSlash(rest[1]) {
		auth, tail := cut(rest[2:], "/\\?#")
		if isDriveLetter(auth, false) {
			// file://C:/x → host empty, path starts with the drive
			u.host = &empty
			return filePath(u, rest[2:])
		}
		h := ""
		if auth != "" {
			var ok bool
			if h, ok = parseHost(auth, false); !ok {
				return nil, false
			}
		}
		if h == "localhost" {
			h = ""
		}
		u.host = &h
		return filePath(u, tail)
	}
	if base != nil && base.scheme == "file" {
		u.host = base.host
		if len(rest) >= 1 && isSlash(rest[0]) {
			return filePath(u, rest)
		}
		u.path = append([]string(nil), base.path...)
		if rest == "" {
			u.query = base.query
			return u, true
		}
		if rest[0] == '?' {
			return queryAndFragment(u, rest)
		}
		if rest[0] == '#' {
			u.query = base.query
			return queryAndFragment(u, rest)
		}
		p, tail := cut(rest, "?#")
		dir := u.path
		if len(dir) > 0 {
			dir = dir[:len(dir)-1]
		}
		u.path = normalizePath(dir, p, true)
		return queryAndFragment(u, tail)
	}
	u.host = &empty
	return filePath(u, rest)
}

func filePath(u *record, rest string) (*record, bool) {
	p, tail := cut(rest, "?#")
	u.path = normalizePath(nil, p, true)
	if len(u.path) > 0 && len(u.path[0]) == 2 && isAlpha(u.path[0][0]) && u.path[0][1] == '|' {
		u.path[0] = u.path[0][:1] + ":"
	}
	if len(u.path) == 0 {
		u.path = []string{""}
	}
	return queryAndFragment(u, tail)
}

const forbiddenHost = "\x00\t\n\r #/:<>?@[\\]^|"

func parseHost(s string, opaque bool) (string, bool) {
	if strings.HasPrefix(s, "[") {
		if !strings.HasSuffix(s, "]") {
			return "", false
		}
		return parseIPv6(s[1 : len(s)-1])
	}
	if opaque {
		for i := 0; i < len(s); i++ {
			if strings.IndexByte(forbiddenHost, s[i]) >= 0 {
				return "", false
			}
		}
		return encodeSet(s, inC0), true
	}
	d := percentDecode(s)
	if !utf8.Valid(d) {
		return "", false
	}
	ascii, ok := domainToASCII(string(d))
	if !ok || ascii == "" {
		return "", false
	}
	for i := 0; i < len(ascii); i++ {
		c := ascii[i]
		if c < 0x20 || c == 0x7f || c == '%' || strings.IndexByte(forbiddenHost, c) >= 0 {
			return "", false
		}
	}
	if endsInNumber(ascii) {
		return parseIPv4(ascii)
	}
	return ascii, true
}

func endsInNumber(s string) bool {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := ipv4Number(last)
	return ok
}

func ipv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	if len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X") {
		s, base = s[2:], 16
	} else if len(s) >= 2 && s[0] == '0' {
		s, base = s[1:], 8
	}
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

func parseIPv4(s string) (string, bool) {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return "", false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return "", false
		}
		nums[i] = n
	}
	for i := 0; i < len(nums)-1; i++ {
		if nums[i] > 255 {
			return "", false
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return "", false
	}
	ip := last
	for i := 0; i < len(nums)-1; i++ {
		ip += nums[i] << (8 * (3 - i))
	}
	return strconv.Itoa(int(ip>>24)) + "." + strconv.Itoa(int(ip>>16&255)) + "." +
		strconv.Itoa(int(ip>>8&255)) + "." + strconv.Itoa(int(ip&255)), true
}

func parseIPv6(s string) (string, bool) {
	var addr [8]uint16
	piece, compress := 0, -1
	i := 0
	if strings.HasPrefix(s, ":") {
		if !strings.HasPrefix(s, "::") {
			return "", false
		}
		i = 2
		piece++
		compress = piece
	}
	for i < len(s) {
		if piece == 8 {
			return "", false
		}
		if s[i] == ':' {
			if compress != -1 {
				return "", false
			}
			i++
			piece++
			compress = piece
			continue
		}
		val, n := 0, 0
		for n < 4 && i < len(s) && ishex(s[i]) {
			val = val*16 + int(unhex(s[i]))
			i++
			n++
		}
		if i < len(s) && s[i] == '.' {
			if n == 0 || piece > 6 {
				return "", false
			}
			i -= n
			v4, ok := parseIPv4Strict(s[i:])
			if !ok {
				return "", false
			}
			addr[piece] = uint16(v4 >> 16)
			addr[piece+1] = uint16(v4)
			piece += 2
			break
		}
		if i < len(s) {
			if s[i] != ':' {
				return "", false
			}
			i++
			if i == len(s) {
				return "", false
			}
		}
		addr[piece] = uint16(val)
		piece++
	}
	if compress != -1 {
		swaps := piece - compress
		piece = 7
		for piece != 0 && swaps > 0 {
			addr[piece], addr[compress+swaps-1] = addr[compress+swaps-1], addr[piece]
			piece--
			swaps--
		}
	} else if piece != 8 {
		return "", false
	}
	// serialize, compressing the longest run of zeros (length > 1)
	best, bestLen := -1, 1
	for j := 0; j < 8; {
		if addr[j] != 0 {
			j++
			continue
		}
		k := j
		for k < 8 && addr[k] == 0 {
			k++
		}
		if k-j > bestLen {
			best, bestLen = j, k-j
		}
		j = k
	}
	var b strings.Builder
	b.WriteByte('[')
	for j := 0; j < 8; j++ {
		if j == best {
			if j == 0 {
				b.WriteString("::")
			} else {
				b.WriteByte(':')
			}
			j += bestLen - 1
			continue
		}
		b.WriteString(strconv.FormatUint(uint64(addr[j]), 16))
		if j < 7 {
			b.WriteByte(':')
		}
	}
	b.WriteByte(']')
	return b.String(), true
}

func parseIPv4Strict(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return 0, false
	}
	var v uint32
	for _, p := range parts {
		if p == "" || (len(p) > 1 && p[0] == '0') {
			return 0, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n > 255 {
			return 0, false
		}
		v = v<<8 | uint32(n)
	}
	return v, true
}

// serialization

func (u *record) hostString() string {
	if u.host == nil {
		return ""
	}
	if u.port != "" {
		return *u.host + ":" + u.port
	}
	return *u.host
}

func (u *record) pathname() string {
	if u.opaque != nil {
		return *u.opaque
	}
	if len(u.path) == 0 {
		return ""
	}
	return "/" + strings.Join(u.path, "/")
}

func (u *record) href() string {
	var b strings.Builder
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.host != nil {
		b.WriteString("//")
		if u.username != "" || u.password != "" {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteByte(':')
				b.WriteString(u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.hostString())
	} else if u.opaque == nil && len(u.path) > 1 && u.path[0] == "" {
		b.WriteString("/.")
	}
	b.WriteString(u.pathname())
	if u.query != nil {
		b.WriteByte('?')
		b.WriteString(*u.query)
	}
	if u.fragment != nil {
		b.WriteByte('#')
		b.WriteString(*u.fragment)
	}
	return b.String()
}

func (u *record) origin() string {
	switch u.scheme {
	case "http", "https", "ws", "wss", "ftp":
		return u.scheme + "://" + u.hostString()
	case "blob":
		if inner, ok := parse(u.pathname(), nil); ok && (inner.scheme == "http" || inner.scheme == "https") {
			return inner.origin()
		}
	}
	return "null"
}
