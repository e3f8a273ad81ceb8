package worker_threads_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// resizableWorker posts a resizable ArrayBuffer and a length-tracking
// view of it to a worker, which resizes it through the view (the copy is
// resizable, the view still tracks and still views the posted buffer);
// the sender's buffer keeps its length.
const resizableWorker = `const { Worker } = require('worker_threads');
const b = new ArrayBuffer(4, { maxByteLength: 16 }); const u = new Uint8Array(b); u[0] = 7;
const f = new Uint8Array(b, 1, 2);
const w = new Worker("const { parentPort } = require('worker_threads'); parentPort.once('message', ({ b, u, f }) => { u.buffer.resize(12); const r = [b.resizable, b.maxByteLength, u.length, u[0], u.buffer === b, b.byteLength, f.length]; b.resize(2); r.push(u.length, f.length, f.byteOffset); parentPort.postMessage(r); });", { eval: true });
w.once('message', (m) => { console.log(JSON.stringify(m), b.byteLength, u.length); w.terminate(); });
w.postMessage({ b, u, f });
`

// resizableWorkerNode is node v20's output for resizableWorker.
const resizableWorkerNode = "[true,16,12,7,true,12,2,2,0,0] 4 4\n"

func TestResizableBufferToWorker(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "rab.js")
	if err := os.WriteFile(f, []byte(resizableWorker), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	h.RunMain(f)
	if out.String() != resizableWorkerNode {
		t.Errorf("got %q, want node's %q", out.String(), resizableWorkerNode)
	}
}

// growableShared grows a SharedArrayBuffer in the main isolate and in a
// worker: each sees the other's growth (when it next reads the buffer's
// length) and its writes.
const growableShared = `const { Worker } = require('worker_threads');
const s = new SharedArrayBuffer(4, { maxByteLength: 64 }); const u = new Int32Array(s);
s.grow(16);
const w = new Worker("const { parentPort, workerData } = require('worker_threads'); const s = workerData; const u = new Int32Array(s); const r = [s.byteLength, s.growable, u.length]; Atomics.store(u, 3, 42); s.grow(32); r.push(s.byteLength, new Int32Array(s).length); parentPort.postMessage(r);", { eval: true, workerData: s });
w.once('message', (m) => { console.log(JSON.stringify(m), Atomics.load(u, 3), s.byteLength, u.length); w.terminate(); });
`

// growableSharedNode is node v20's output for growableShared.
const growableSharedNode = "[16,true,4,32,8] 42 32 8\n"

func TestGrowableSharedToWorker(t *testing.T) {
	f := filepath.Join(t.TempDir(), "sab.js")
	if err := os.WriteFile(f, []byte(growableShared), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	h.RunMain(f)
	if out.String() != growableSharedNode {
		t.Errorf("got %q, want node's %q", out.String(), growableSharedNode)
	}
}
