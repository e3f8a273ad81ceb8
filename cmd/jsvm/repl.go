package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/jsvm-dev/jsvm/node/host"
)

// runREPL is jsvm's read-eval-print loop (node with no script on a
// terminal, or -i): each complete input is evaluated in the main context
// on the event loop, so timers and promises started at the prompt run
// while it waits for the next line. Multi-line input continues while the
// code is incomplete; _ is the last result; .help, .exit, .load, .clear.
func runREPL(h *host.Host) int {
	tty := host.IsTerminal(0)
	out := os.Stdout
	prompt := func(p string) { fmt.Fprint(out, p) }
	h.Ref()
	return h.RunLoop(func() {
		fmt.Fprintf(out, "Welcome to jsvm %s (Node.js API %s).\nType \".help\" for more information.\n", host.JSVMVersion, host.NodeVersion)
		lines := make(chan string)
		var once sync.Once
		done := func() { once.Do(func() { h.Post(func() { fmt.Fprintln(out); h.Unref() }) }) }
		go func() {
			sc := bufio.NewScanner(os.Stdin)
			sc.Buffer(make([]byte, 1<<20), 1<<24)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		var buf []string
		var next func()
		var handle func(string)
		handle = func(line string) {
			if len(buf) == 0 && strings.HasPrefix(strings.TrimSpace(line), ".") {
				cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
				switch cmd {
				case ".exit":
					done()
					return
				case ".help":
					fmt.Fprint(out, ".break   Sometimes you get stuck, this gets you out\n.clear   Alias for .break\n.exit    Exit the REPL\n.help    Print this help message\n.load    Load JS from a file into the REPL session\n\nPress Ctrl+D to exit the REPL\n")
				case ".break", ".clear":
				case ".load":
					b, err := os.ReadFile(filepath.Clean(strings.TrimSpace(arg)))
					if err != nil {
						fmt.Fprintf(out, "Failed to load: %s\n", strings.TrimSpace(arg))
						break
					}
					r, _ := h.EvalREPL(string(b), tty)
					fmt.Fprintln(out, r)
				default:
					fmt.Fprintln(out, "Invalid REPL keyword")
				}
				next()
				return
			}
			buf = append(buf, line)
			code := strings.Join(buf, "\n")
			if host.IncompleteInput(code) {
				prompt("... ")
				wait(lines, h, done, handle)
				return
			}
			buf = nil
			r, _ := h.EvalREPL(code, tty)
			fmt.Fprintln(out, r)
			next()
		}
		next = func() {
			prompt("> ")
			wait(lines, h, done, handle)
		}
		next()
	})
}

// wait takes the next input line on a goroutine and hands it to handle on
// the event loop; at end of input the REPL ends.
func wait(lines chan string, h *host.Host, done func(), handle func(string)) {
	go func() {
		l, ok := <-lines
		if !ok {
			done()
			return
		}
		h.Post(func() { handle(l) })
	}()
}
