package http_test

import (
	"fmt"
	"io"
	"net"
	nethttp "net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// The specification's example "Running an HTTP server within a VM", as
// written but for the port (a free one instead of 8124): it must serve a
// real request.
const specExample = `'use strict';
const vm = require('vm');

const code = ` + "`" + `
((require) => {
  const http = require('http');

  http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('Hello World\\n');
  }).listen(PORT);

  console.log('Server running at http://127.0.0.1:PORT/');
})` + "`" + `;

vm.runInThisContext(code)(require);
`

// lineWatcher calls fn with each complete line written to it.
type lineWatcher struct {
	mu  sync.Mutex
	buf strings.Builder
	fn  func(string)
}

func (w *lineWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	for {
		s := w.buf.String()
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			break
		}
		w.buf.Reset()
		w.buf.WriteString(s[i+1:])
		w.fn(s[:i])
	}
	return len(p), nil
}

func TestSpecExampleHTTPServerInVM(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	var h *host.Host
	type reply struct {
		status int
		ctype  string
		body   string
		err    error
	}
	got := make(chan reply, 1)
	var lines []string
	out := &lineWatcher{fn: func(line string) {
		lines = append(lines, line)
		if !strings.HasPrefix(line, "Server running") {
			return
		}
		go func() {
			resp, err := nethttp.Get(fmt.Sprintf("http://127.0.0.1:%d/", port))
			r := reply{err: err}
			if err == nil {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				r = reply{resp.StatusCode, resp.Header.Get("Content-Type"), string(b), nil}
			}
			got <- r
			h.Post(func() { h.Exit(0) })
		}()
	}}
	h = newHost(t, out, os.Stderr, func(*host.Host, *sobek.Object) {})
	h.Options.Registry.Register("vm", vm.Load)
	code := strings.ReplaceAll(specExample, "PORT", fmt.Sprint(port))
	if c := runWithDeadline(t, h, code); c != 0 {
		t.Fatalf("exit code %d", c)
	}
	r := <-got
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.status != 200 || r.ctype != "text/plain" || r.body != "Hello World\n" {
		t.Errorf("got %d %q %q, want 200 text/plain \"Hello World\\n\"", r.status, r.ctype, r.body)
	}
	if want := fmt.Sprintf("Server running at http://127.0.0.1:%d/", port); len(lines) != 1 || lines[0] != want {
		t.Errorf("stdout %q, want %q", lines, want)
	}
}
