package http_test

import (
	"bytes"
	"fmt"
	"io"
	nethttp "net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// newHost makes a host with jsvm's builtins and a "gotest" builtin whose
// exports are set by extra.
func newHost(t *testing.T, stdout, stderr io.Writer, extra func(h *host.Host, exports *sobek.Object)) *host.Host {
	t.Helper()
	reg := builtins.DefaultRegistry()
	reg.Register("gotest", func(h *host.Host, module *sobek.Object) error {
		if extra != nil {
			extra(h, module.Get("exports").(*sobek.Object))
		}
		return nil
	})
	h, err := host.New(host.Options{Registry: reg, Stdout: stdout, Stderr: stderr})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// runWithDeadline runs the host's main source, failing the test if it does
// not finish in time (a leaked Ref).
func runWithDeadline(t *testing.T, h *host.Host, code string) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- h.RunSource(code, "[test]", false) }()
	select {
	case c := <-done:
		return c
	case <-time.After(20 * time.Second):
		t.Fatal("host did not finish: is the server still ref'd?")
		return -1
	}
}

const serverJS = `
const http = require('http');
const t = require('gotest');
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    res.setHeader('X-Method', req.method);
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.writeHead(201, { 'Content-Type': 'text/plain; charset=utf-8' });
    t.log('headersSent ' + res.headersSent + ' ' + res.getHeader('x-method'));
    res.write('hello ');
    res.end([req.method, req.url, req.httpVersion, req.headers['x-test'], body].join('|'), () => {
      t.log('end callback');
      server.close(() => t.log('closed'));
    });
  });
});
server.on('listening', () => t.log('listening ' + server.listening));
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  t.log(JSON.stringify({ address: a.address, family: a.family, port: typeof a.port }));
  t.ready(a.port);
});
`

func TestServerServesRealRequest(t *testing.T) {
	var logs []string
	type reply struct {
		status int
		header nethttp.Header
		body   string
		err    error
	}
	got := make(chan reply, 1)
	h := newHost(t, io.Discard, os.Stderr, func(h *host.Host, exports *sobek.Object) {
		_ = exports.Set("log", func(s string) { logs = append(logs, s) })
		_ = exports.Set("ready", func(port int) {
			go func() {
				url := fmt.Sprintf("http://127.0.0.1:%d/path?q=1", port)
				req, _ := nethttp.NewRequest("POST", url, strings.NewReader("payload"))
				req.Header.Set("X-Test", "yes")
				resp, err := nethttp.DefaultClient.Do(req)
				if err != nil {
					got <- reply{err: err}
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				got <- reply{resp.StatusCode, resp.Header, string(b), err}
			}()
		})
	})
	if code := runWithDeadline(t, h, serverJS); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	r := <-got
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.status != 201 {
		t.Errorf("status %d, want 201", r.status)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if m := r.header.Get("X-Method"); m != "POST" {
		t.Errorf("X-Method %q", m)
	}
	if c := r.header.Values("Set-Cookie"); len(c) != 2 || c[0] != "a=1" || c[1] != "b=2" {
		t.Errorf("Set-Cookie %q", c)
	}
	if want := "hello POST|/path?q=1|1.1|yes|payload"; r.body != want {
		t.Errorf("body %q, want %q", r.body, want)
	}
	wantLogs := []string{
		"listening true",
		`{"address":"127.0.0.1","family":"IPv4","port":"number"}`,
		"headersSent true POST",
		"end callback",
		"closed",
	}
	if strings.Join(logs, "\n") != strings.Join(wantLogs, "\n") {
		t.Errorf("logs:\n%s\nwant:\n%s", strings.Join(logs, "\n"), strings.Join(wantLogs, "\n"))
	}
}

func TestClientGet(t *testing.T) {
	srv := httptest.NewServer(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("X-Seen", r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("X-A"))
		w.WriteHeader(404)
		io.WriteString(w, "nope")
	}))
	defer srv.Close()
	var logs []string
	h := newHost(t, io.Discard, os.Stderr, func(h *host.Host, exports *sobek.Object) {
		_ = exports.Set("log", func(s string) { logs = append(logs, s) })
		_ = exports.Set("url", srv.URL)
	})
	code := runWithDeadline(t, h, `
const http = require('http');
const t = require('gotest');
http.get(t.url + '/x?y=1', { headers: { 'X-A': 'b' } }, (res) => {
  t.log(res.statusCode + ' ' + res.statusMessage + ' ' + res.headers['x-seen']);
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c) => { body += c; });
  res.on('end', () => t.log('body ' + body));
});
http.get('http://127.0.0.1:1/').on('error', (e) => t.log('error ' + e.code));
`)
	if code != 0 {
		t.Fatalf("exit code %d", code)
	}
	sortedWant := []string{"404 Not Found GET /x?y=1 b", "body nope", "error ECONNREFUSED"}
	if len(logs) != 3 {
		t.Fatalf("logs %q, want %q (any order of the error)", logs, sortedWant)
	}
	seen := map[string]bool{}
	for _, l := range logs {
		seen[l] = true
	}
	for _, w := range sortedWant {
		if !seen[w] {
			t.Errorf("missing log %q in %q", w, logs)
		}
	}
}

// TestScripts runs testdata/*.js (no network) and compares their output
// with the .out files recorded from node.
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.js")
	if len(files) == 0 {
		t.Fatal("no testdata scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			h := newHost(t, &out, &errOut, nil)
			if code := runWithDeadline(t, h, string(src)); code != 0 {
				t.Fatalf("exit code %d\n%s", code, errOut.String())
			}
			if out.String() != string(want) {
				t.Errorf("output:\n%s\nwant (node):\n%s\nstderr: %s", out.String(), want, errOut.String())
			}
		})
	}
}
