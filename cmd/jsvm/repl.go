package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/jsvm-dev/jsvm/node/host"
	"golang.org/x/term"
)

// errInterrupted is Ctrl+C at the prompt.
var errInterrupted = errors.New("interrupted")

// lineSource is where the REPL's input comes from: a terminal (line
// editing, history, completion) or a pipe (lines as they come, the prompt
// printed as Node prints it).
type lineSource interface {
	readLine(prompt string) (string, error)
	terminal() bool
	typed() bool // keys other than Ctrl+C came before the last Ctrl+C
}

// runREPL is jsvm's read-eval-print loop (node with no script on a
// terminal, or -i): each complete input is evaluated in the main context
// on the event loop, so timers and promises started at the prompt run
// while it waits for the next line. Lines are read on a goroutine; a line
// is evaluated on the loop and only then is the next one read.
func runREPL(h *host.Host) int {
	out := os.Stdout
	var src lineSource
	var tty *ttySource
	if host.IsTerminal(0) && host.IsTerminal(1) {
		tty = newTTYSource(0, out)
		src = tty
		defer tty.restore()
	} else {
		src = &pipeSource{r: bufio.NewReaderSize(os.Stdin, 1<<16), out: out}
	}
	h.Ref()
	return h.RunLoop(func() {
		fmt.Fprintf(out, "Welcome to jsvm %s (Node.js API %s).\nType \".help\" for more information.\n", host.JSVMVersion, host.NodeVersion)
		s := &replSession{h: h, r: h.NewREPL(out), out: out, src: src}
		if tty != nil {
			tty.complete = func(line string) ([]string, string) {
				// completion reads the runtime: ask the loop and wait
				type res struct {
					c []string
					w string
				}
				ch := make(chan res, 1)
				h.Post(func() { c, w := s.r.Complete(line); ch <- res{c, w} })
				r := <-ch
				return r.c, r.w
			}
		}
		go s.read()
	})
}

type replSession struct {
	h      *host.Host
	r      *host.REPL
	out    io.Writer
	src    lineSource
	buf    []string // lines of an incomplete input
	ctrlC  bool     // the previous key was Ctrl+C on an empty prompt
	editor bool     // the next input is .editor's (read to Ctrl+D)
	once   sync.Once
}

// read is the input goroutine: one line, then wait for the loop to have
// handled it, so output and prompts stay in order.
func (s *replSession) read() {
	prompt := "> "
	for {
		var line string
		var err error
		if s.editor {
			line, err = s.readEditor()
		} else {
			line, err = s.src.readLine(prompt)
		}
		next := make(chan string, 1)
		s.h.Post(func() { next <- s.handle(line, err) })
		prompt = <-next
		if prompt == "" {
			return
		}
	}
}

// readEditor reads .editor's lines until Ctrl+D (end of input).
func (s *replSession) readEditor() (string, error) {
	var lines []string
	for {
		l, err := s.src.readLine("")
		if err == io.EOF {
			return strings.Join(lines, "\n"), nil
		}
		if err != nil {
			return "", err
		}
		lines = append(lines, l)
	}
}

// exit ends the REPL; Node ends the line of the prompt only on a terminal
// at Ctrl+D.
func (s *replSession) exit(newline bool) string {
	s.once.Do(func() {
		if newline {
			fmt.Fprintln(s.out)
		}
		s.h.Unref()
	})
	return ""
}

// handle runs on the loop: it evaluates the line (or the command) and
// returns the next prompt, "" to end the REPL.
func (s *replSession) handle(line string, err error) string {
	out := s.out
	if s.editor {
		s.editor = false
		if err == errInterrupted {
			fmt.Fprintln(out)
			return "> "
		}
		if strings.TrimSpace(line) != "" {
			s.print(s.r.Eval(line, s.src.terminal()))
		}
		return "> "
	}
	if err == errInterrupted {
		if len(s.buf) > 0 || s.src.typed() {
			// Ctrl+C on a line with text clears it, as Node
			s.buf = nil
			s.ctrlC = false
			return "> "
		}
		if s.ctrlC {
			return s.exit(true)
		}
		s.ctrlC = true
		fmt.Fprintln(out, "(To exit, press Ctrl+C again or Ctrl+D or type .exit)")
		return "> "
	}
	s.ctrlC = false
	if err != nil {
		return s.exit(s.src.terminal())
	}
	if len(s.buf) == 0 && strings.HasPrefix(strings.TrimSpace(line), ".") {
		return s.command(strings.TrimSpace(line))
	}
	if len(s.buf) == 0 && strings.TrimSpace(line) == "" {
		s.r.Skip()
		return "> "
	}
	if len(s.buf) > 0 && strings.TrimSpace(line) == ".break" {
		s.buf = nil
		return "> "
	}
	s.buf = append(s.buf, line)
	code := strings.Join(s.buf, "\n")
	if host.IncompleteInput(code) {
		s.r.Skip()
		return "... "
	}
	s.buf = nil
	s.print(s.r.Eval(code, s.src.terminal()))
	return "> "
}

func (s *replSession) print(text string, _ bool) { fmt.Fprintln(s.out, text) }

func (s *replSession) command(line string) string {
	out := s.out
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case ".exit":
		return s.exit(false)
	case ".help":
		names := []string{".break", ".clear", ".exit", ".help", ".load", ".save"}
		help := map[string]string{".break": "Sometimes you get stuck, this gets you out", ".clear": "Alias for .break",
			".editor": "Enter editor mode", ".exit": "Exit the REPL", ".help": "Print this help message",
			".load": "Load JS from a file into the REPL session", ".save": "Save all evaluated commands in this REPL session to a file"}
		width := 9
		if s.src.terminal() {
			names = []string{".break", ".clear", ".editor", ".exit", ".help", ".load", ".save"}
			width = 10
		}
		for _, n := range names {
			fmt.Fprintf(out, "%-*s%s\n", width, n, help[n])
		}
		fmt.Fprint(out, "\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n")
	case ".break", ".clear":
		s.buf = nil
	case ".editor":
		if !s.src.terminal() {
			fmt.Fprintln(out, "Invalid REPL keyword")
			break
		}
		fmt.Fprintln(out, "// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)")
		s.editor = true
	case ".load":
		b, err := os.ReadFile(filepath.Clean(arg))
		if err != nil || arg == "" {
			fmt.Fprintf(out, "Failed to load: %s\n", arg)
			break
		}
		s.print(s.r.Eval(string(b), s.src.terminal()))
		// Node writes the file, then a newline: one more (empty) prompt
		fmt.Fprint(out, "> ")
	case ".save":
		if arg == "" {
			fmt.Fprintln(out, `The "file" argument must be specified`)
			break
		}
		if err := os.WriteFile(filepath.Clean(arg), []byte(strings.Join(s.r.Lines, "\n")+"\n"), 0o666); err != nil {
			fmt.Fprintf(out, "Failed to save: %s\n", arg)
			break
		}
		fmt.Fprintf(out, "Session saved to: %s\n", arg)
	default:
		fmt.Fprintln(out, "Invalid REPL keyword")
	}
	return "> "
}

// pipeSource reads lines from a pipe or file, printing each prompt.
type pipeSource struct {
	r   *bufio.Reader
	out io.Writer
}

func (p *pipeSource) terminal() bool { return false }

func (p *pipeSource) typed() bool { return false }

func (p *pipeSource) readLine(prompt string) (string, error) {
	fmt.Fprint(p.out, prompt)
	l, err := p.r.ReadString('\n')
	if err != nil && (err != io.EOF || l == "") {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r"), nil
}

// ttySource edits lines on a terminal: arrows, history (persisted as
// Node's, newest first, in NODE_REPL_HISTORY or ~/.jsvm_repl_history),
// Tab completion. The terminal is raw only while a line is read, so Ctrl+C
// during evaluation is SIGINT as usual.
type ttySource struct {
	fd       int
	out      io.Writer
	t        *term.Terminal
	in       *ctrlCReader
	hist     *history
	complete func(line string) ([]string, string)
	lastTab  bool
	saved    *rawState
}

func newTTYSource(fd int, out *os.File) *ttySource {
	s := &ttySource{fd: fd, in: &ctrlCReader{r: os.Stdin}, out: out, hist: loadHistory()}
	s.reset()
	return s
}

// reset starts a fresh line editor (after Ctrl+C: the one that saw it
// still holds the abandoned line).
func (s *ttySource) reset() {
	s.t = term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{s.in, s.out}, "> ")
	s.t.History = s.hist
	s.t.AutoCompleteCallback = s.onKey
}

func (s *ttySource) terminal() bool { return true }

func (s *ttySource) typed() bool { return s.in.typed }

func (s *ttySource) restore() {
	if s.saved != nil {
		restoreTerminal(s.fd, s.saved)
		s.saved = nil
	}
}

func (s *ttySource) readLine(prompt string) (string, error) {
	if w, h, err := term.GetSize(s.fd); err == nil {
		_ = s.t.SetSize(w, h)
	}
	st, err := makeRaw(s.fd)
	if err == nil {
		s.saved = st
		defer s.restore()
	}
	s.t.SetPrompt(prompt)
	s.in.typed = false
	l, err := s.t.ReadLine()
	if err == errInterrupted {
		fmt.Fprint(s.out, "\r\n")
		s.reset()
		return "", errInterrupted
	}
	if err == term.ErrPasteIndicator {
		err = nil
	}
	return l, err
}

// onKey completes on Tab as Node's readline: one match is inserted, a
// longer common prefix is inserted, else a second Tab lists the matches.
func (s *ttySource) onKey(line string, pos int, key rune) (string, int, bool) {
	if key != '\t' {
		s.lastTab = false
		return "", 0, false
	}
	wasTab := s.lastTab
	s.lastTab = true
	if s.complete == nil {
		return line, pos, true
	}
	comps, word := s.complete(line[:pos])
	if len(comps) == 0 {
		return line, pos, true
	}
	prefix := comps[0]
	for _, c := range comps[1:] {
		for !strings.HasPrefix(c, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	if len(prefix) > len(word) {
		ins := prefix[len(word):]
		return line[:pos] + ins + line[pos:], pos + len(ins), true
	}
	if wasTab && len(comps) > 1 {
		s.list(comps)
	}
	return line, pos, true
}

// list prints completions in columns above the prompt.
func (s *ttySource) list(comps []string) {
	width := 80
	if w, _, err := term.GetSize(s.fd); err == nil && w > 0 {
		width = w
	}
	maxLen := 0
	for _, c := range comps {
		maxLen = max(maxLen, len(c))
	}
	col := maxLen + 2
	per := max(width/col, 1)
	var b strings.Builder
	for i, c := range comps {
		b.WriteString(c)
		if (i+1)%per == 0 || i == len(comps)-1 {
			b.WriteString("\n")
		} else {
			b.WriteString(strings.Repeat(" ", col-len(c)))
		}
	}
	b.WriteString("\n")
	_, _ = s.t.Write([]byte(b.String()))
}

// ctrlCReader turns Ctrl+C into errInterrupted: x/term would report it
// as end of input and read it again on the next line.
type ctrlCReader struct {
	r     io.Reader
	typed bool // other keys came before the Ctrl+C
	rest  []byte
}

func (c *ctrlCReader) Read(p []byte) (int, error) {
	if len(c.rest) == 0 {
		buf := make([]byte, len(p))
		n, err := c.r.Read(buf)
		if n == 0 {
			return 0, err
		}
		c.rest = buf[:n]
	}
	for i, b := range c.rest {
		if b == 3 {
			n := copy(p, c.rest[:i])
			c.rest = c.rest[i+1:]
			if n > 0 {
				c.typed = true
			}
			return n, errInterrupted
		}
	}
	n := copy(p, c.rest)
	c.rest = c.rest[n:]
	c.typed = true
	return n, nil
}

// history is the REPL's line history as Node keeps it: newest first, no
// blank lines, no repeat of the line before, at most NODE_REPL_HISTORY_SIZE
// (1000) lines, written to the file (mode 0600) after each line.
type history struct {
	lines []string // newest first
	file  string
	size  int
}

func loadHistory() *history {
	h := &history{size: 1000}
	if n, err := strconv.Atoi(os.Getenv("NODE_REPL_HISTORY_SIZE")); err == nil && n >= 0 {
		h.size = n
	}
	if f, ok := os.LookupEnv("NODE_REPL_HISTORY"); ok {
		if strings.TrimSpace(f) == "" {
			return h // persistence disabled
		}
		h.file = f
	} else if home, err := os.UserHomeDir(); err == nil {
		h.file = filepath.Join(home, ".jsvm_repl_history")
	}
	if h.file != "" {
		if b, err := os.ReadFile(h.file); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if l = strings.TrimRight(l, "\r"); l != "" && len(h.lines) < h.size {
					h.lines = append(h.lines, l)
				}
			}
		}
	}
	return h
}

func (h *history) Add(l string) {
	if strings.TrimSpace(l) == "" || (len(h.lines) > 0 && h.lines[0] == l) || h.size == 0 {
		return
	}
	h.lines = append([]string{l}, h.lines...)
	if len(h.lines) > h.size {
		h.lines = h.lines[:h.size]
	}
	if h.file != "" {
		_ = os.WriteFile(h.file, []byte(strings.Join(h.lines, "\n")), 0o600)
	}
}

func (h *history) Len() int { return len(h.lines) }

func (h *history) At(i int) string { return h.lines[i] }
