//go:build linux

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY returns the controlling side and the terminal of a new
// pseudo-terminal.
func openPTY(t *testing.T) (ptm, pts *os.File) {
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pty:", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skip("unlockpt:", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skip("ptsname:", err)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip("open pts:", err)
	}
	_ = unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80})
	return m, s
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var ansiRe = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\r`)

// runTTYREPL runs bin on a pty with no script, sends keys one chunk at a
// time, and returns the screen text without escape sequences and the
// history file it left.
func runTTYREPL(t *testing.T, bin string, keys []string) (screen, hist string) {
	dir := t.TempDir()
	histFile := filepath.Join(dir, "history")
	ptm, pts := openPTY(t)
	defer ptm.Close()
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NODE_REPL_HISTORY="+histFile, "TERM=xterm", "NO_COLOR=1")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pts.Close()
	var out lockedBuffer
	done := make(chan struct{})
	go func() { io.Copy(&out, ptm); close(done) }()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// keys typed before the REPL put the terminal in raw mode would be
	// echoed and edited by the line discipline: wait for the banner
	for i := 0; i < 300 && !strings.Contains(out.String(), "for more information"); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	for _, k := range keys {
		// each chunk is sent once the previous one had time to be read: a
		// terminal user types, they do not paste the session
		time.Sleep(300 * time.Millisecond)
		ptm.WriteString(k)
	}
	select {
	case <-exited:
	case <-time.After(30 * time.Second): // a hang guard, not a timing assertion
		cmd.Process.Kill()
		<-exited
		t.Errorf("%s: the REPL did not exit at Ctrl+D", bin)
	}
	ptm.Close()
	<-done
	h, _ := os.ReadFile(histFile)
	return ansiRe.ReplaceAllString(out.String(), ""), string(h)
}

// TestREPLTerminal drives the REPL on a pseudo-terminal: Tab completes a
// global lexical name, a property after `.`, lists the candidates on a
// second Tab; up-arrow recalls history; the history is persisted newest
// first to NODE_REPL_HISTORY; Ctrl+D exits. The expectations hold for node
// too (JSVM_REPL_ORACLE=node runs them against node).
func TestREPLTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := os.Getenv("JSVM_REPL_ORACLE")
	if bin == "" {
		bin = jsvmBinary(t)
	}
	screen, hist := runTTYREPL(t, bin, []string{
		"let abcdef = 41\r",
		"abcd", "\t", "+1\r",
		"\x1b[A", "\x1b[A", "\r",
		"process.versi", "\t", "\r",
		"Math.acos", "\t", "\t",
		"\x15.editor\r",
		"const q = 3\rq * 14\r",
		"\x04",
		"\x04",
	})
	for _, want := range []string{"abcdef+1", "42", "Identifier 'abcdef' has already been declared", "'v20.20.2'",
		"Math.acos   Math.acosh", "// Entering editor mode", "42"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%s: screen lacks %q:\n%s", bin, want, screen)
		}
	}
	if want := "q * 14\nconst q = 3\n.editor\nprocess.version\nlet abcdef = 41\nabcdef+1\nlet abcdef = 41"; hist != want {
		t.Errorf("%s: history file %q, want %q", bin, hist, want)
	}
}
