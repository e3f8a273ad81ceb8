package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
)

// zStream is one zlib stream object (createGzip, createInflate, ...).
// A compressor writes into out as input comes. A decompressor pulls its
// input, so it runs on a goroutine of its own reading from feed: write
// hands it a chunk and waits until it has consumed it (asks for more) or
// ended, then takes the output made so far. Go's decoders keep at most a
// window of output back until more input or the end comes.
type zStream struct {
	mode string
	mu   sync.Mutex
	out  bytes.Buffer

	w interface {
		io.WriteCloser
		Flush() error
	}

	in       chan []byte
	ack      chan struct{}
	finished chan struct{}
	err      *zError
	closed   bool
	total    int // input bytes (an empty stream is an error for decoders)

	limit    int64 // most output bytes in all (0: no bound): maxOutputLength
	produced int64 // output bytes so far
}

// errLimit stops a coder whose output went past the stream's limit.
var errLimit = errors.New("zlib: output limit reached")

func newZStream(mode string, level int, dict []byte) *zStream {
	z := &zStream{mode: mode}
	if level < -1 || level > 9 {
		level = -1
	}
	w := &lockedWriter{z: z}
	switch mode {
	case "deflate":
		zw, _ := zlib.NewWriterLevelDict(w, level, dict)
		z.w = zw
	case "gzip":
		gw, _ := gzip.NewWriterLevel(w, level)
		gw.OS = 3 // unix, as zlib writes
		z.w = gw
	case "deflateRaw":
		fw, _ := flate.NewWriterDict(w, level, dict)
		z.w = fw
	case "brotliCompress":
		q := brotli.DefaultCompression
		if level >= 0 && level <= 11 {
			q = level
		}
		z.w = brotli.NewWriterLevel(w, q)
	default:
		z.in = make(chan []byte)
		z.ack = make(chan struct{})
		z.finished = make(chan struct{})
		go z.decode(dict)
	}
	return z
}

// lockedWriter appends a compressor's output under the stream's lock.
type lockedWriter struct{ z *zStream }

func (l *lockedWriter) Write(p []byte) (int, error) {
	z := l.z
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.limit > 0 && z.produced+int64(len(p)) > z.limit {
		if z.err == nil {
			z.err = tooLarge(z.limit)
		}
		return 0, errLimit
	}
	z.produced += int64(len(p))
	return z.out.Write(p)
}

// take returns the output made so far.
func (z *zStream) take() []byte {
	z.mu.Lock()
	defer z.mu.Unlock()
	b := append([]byte(nil), z.out.Bytes()...)
	z.out.Reset()
	return b
}

func (z *zStream) write(p []byte) ([]byte, *zError) {
	z.total += len(p)
	if z.w != nil {
		_, _ = z.w.Write(p)
		return z.take(), z.error()
	}
	if len(p) > 0 && !z.closed {
		select {
		case z.in <- append([]byte(nil), p...):
			select {
			case <-z.ack:
			case <-z.finished:
			}
		case <-z.finished:
			// the compressed stream has ended: Node ignores what follows
		}
	}
	return z.take(), z.error()
}

func (z *zStream) error() *zError {
	z.mu.Lock()
	defer z.mu.Unlock()
	return z.err
}

// flush is zlib's Z_SYNC_FLUSH/Z_FULL_FLUSH (everything written so far
// can be decoded) or, kind 4, Z_FINISH.
func (z *zStream) flush(kind int) ([]byte, *zError) {
	if z.w != nil {
		if kind == 4 {
			_ = z.w.Close()
		} else {
			_ = z.w.Flush()
		}
		return z.take(), z.error()
	}
	return z.take(), z.error()
}

// finish ends the input and returns the rest of the output.
func (z *zStream) finish() ([]byte, *zError) {
	if z.w != nil {
		_ = z.w.Close()
		return z.take(), z.error()
	}
	z.close()
	<-z.finished
	if z.total == 0 && z.error() == nil {
		return nil, &zError{"Z_BUF_ERROR", -5, "unexpected end of file"}
	}
	return z.take(), z.error()
}

// close ends a decoder's goroutine (end of input).
func (z *zStream) close() {
	if z.in != nil && !z.closed {
		z.closed = true
		close(z.in)
	}
}

// feed is the decoder's input: the chunks write hands over.
type feed struct {
	z       *zStream
	cur     []byte
	owesAck bool
	eof     bool
}

func (f *feed) fill() bool {
	for len(f.cur) == 0 {
		if f.eof {
			return false
		}
		if f.owesAck {
			f.owesAck = false
			f.z.ack <- struct{}{}
		}
		c, ok := <-f.z.in
		if !ok {
			f.eof = true
			return false
		}
		f.cur, f.owesAck = c, true
	}
	return true
}

func (f *feed) Read(p []byte) (int, error) {
	if !f.fill() {
		return 0, io.EOF
	}
	n := copy(p, f.cur)
	f.cur = f.cur[n:]
	return n, nil
}

// ReadByte keeps flate and gzip from reading ahead through a bufio.Reader.
func (f *feed) ReadByte() (byte, error) {
	if !f.fill() {
		return 0, io.EOF
	}
	b := f.cur[0]
	f.cur = f.cur[1:]
	return b, nil
}

// peek reports whether more input follows (blocking for it).
func (f *feed) more() bool { return f.fill() }

func (z *zStream) decode(dict []byte) {
	f := &feed{z: z}
	defer func() {
		close(z.finished)
		// drain: a writer blocked on a chunk after the end gets through
		for range z.in {
		}
	}()
	fail := func(e *zError) {
		z.mu.Lock()
		if z.err == nil { // keep the limit's error
			z.err = e
		}
		z.mu.Unlock()
	}
	w := &lockedWriter{z: z}
	copyOut := func(r io.Reader) error {
		buf := make([]byte, 32<<10)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				if _, err := w.Write(buf[:n]); err != nil {
					return err // past the limit: the error is set
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	mode := z.mode
	if mode == "unzip" {
		// the first two bytes tell gzip from zlib
		if !f.more() {
			return
		}
		first := f.cur[0]
		mode = "inflate"
		if first == 0x1f {
			mode = "gunzip"
		}
	}
	switch mode {
	case "inflate":
		zr, err := zlib.NewReaderDict(f, dict)
		if err != nil {
			if f.eof && z.total == 0 {
				return
			}
			fail(headerError(err))
			return
		}
		if err := copyOut(zr); err != nil {
			fail(readError(err))
		}
	case "inflateRaw":
		if err := copyOut(flate.NewReaderDict(f, dict)); err != nil {
			fail(readError(err))
		}
	case "gunzip":
		if f.more() && f.cur[0] != 0x1f {
			fail(dataError("incorrect header check"))
			return
		}
		gr, err := gzip.NewReader(f)
		if err != nil {
			if f.eof && z.total == 0 {
				return
			}
			fail(headerError(err))
			return
		}
		for {
			gr.Multistream(false)
			if err := copyOut(gr); err != nil {
				fail(readError(err))
				return
			}
			// concatenated members, as Node's gunzip reads them: input
			// after a member is another one unless it starts with a zero byte
			if !f.more() || f.cur[0] == 0 {
				return
			}
			if f.cur[0] != 0x1f || (len(f.cur) > 1 && f.cur[1] != 0x8b) {
				fail(dataError("incorrect header check"))
				return
			}
			if err := gr.Reset(f); err != nil {
				fail(headerError(err))
				return
			}
		}
	case "brotliDecompress":
		if err := copyOut(brotli.NewReader(f)); err != nil {
			fail(&zError{"ERR__ERROR_FORMAT_PADDING_1", -6, "Decompression failed"})
		}
	default:
		fail(&zError{"ERR_INVALID_ARG_VALUE", -2, "unknown mode " + mode})
	}
}
