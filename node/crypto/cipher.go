package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"errors"
	"strings"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"
)

// cipherSpec is one cipher Node names: key and IV lengths and the mode.
type cipherSpec struct {
	keyLen, ivLen int // ivLen -1: any length > 0 (gcm)
	mode          string
}

var cipherSpecs = buildCipherSpecs()

func buildCipherSpecs() map[string]cipherSpec {
	cipherSpecs := map[string]cipherSpec{
		"chacha20-poly1305": {32, 12, "chacha20-poly1305"},
		"chacha20":          {32, 16, "chacha20"},
	}
	for _, bits := range []int{128, 192, 256} {
		n := "aes-" + itoa(bits) + "-"
		k := bits / 8
		cipherSpecs[n+"cbc"] = cipherSpec{k, 16, "cbc"}
		cipherSpecs[n+"ctr"] = cipherSpec{k, 16, "ctr"}
		cipherSpecs[n+"ecb"] = cipherSpec{k, 0, "ecb"}
		cipherSpecs[n+"gcm"] = cipherSpec{k, -1, "gcm"}
	}
	// OpenSSL's aliases
	cipherSpecs["aes128"] = cipherSpecs["aes-128-cbc"]
	cipherSpecs["aes192"] = cipherSpecs["aes-192-cbc"]
	cipherSpecs["aes256"] = cipherSpecs["aes-256-cbc"]
	cipherSpecs["id-aes128-gcm"] = cipherSpecs["aes-128-gcm"]
	cipherSpecs["id-aes192-gcm"] = cipherSpecs["aes-192-gcm"]
	cipherSpecs["id-aes256-gcm"] = cipherSpecs["aes-256-gcm"]
	return cipherSpecs
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func lookupCipher(name string) (cipherSpec, bool) {
	s, ok := cipherSpecs[strings.ToLower(name)]
	return s, ok
}

// Errors a cipher's final step reports; crypto.js gives them Node's
// classes and codes.
var (
	errBadDecrypt  = errors.New("bad decrypt")
	errFinalLength = errors.New("wrong final block length")
	errAuth        = errors.New("unable to authenticate")
)

// cipherState is one createCipheriv/createDecipheriv. Block modes keep
// the bytes of an incomplete block; the AEAD modes produce their output as
// the stream cipher they are built on (CTR at J0+1 for a 12-byte GCM IV,
// ChaCha20 at counter 1) and keep the whole text to compute or check the
// tag at the end (Go's AEADs are one-shot).
type cipherState struct {
	spec    cipherSpec
	decrypt bool
	key, iv []byte
	block   cipher.Block
	cbc     cipher.BlockMode
	stream  cipher.Stream
	pad     bool
	pending []byte // cbc/ecb: the bytes of an incomplete block
	aad     []byte
	text    []byte // aead: plaintext so far
	tag     []byte
	tagLen  int
	started bool
}

func newCipherState(spec cipherSpec, key, iv []byte, decrypt bool, tagLen int) (*cipherState, error) {
	c := &cipherState{spec: spec, decrypt: decrypt, key: append([]byte(nil), key...), iv: append([]byte(nil), iv...), pad: true, tagLen: tagLen}
	switch spec.mode {
	case "chacha20-poly1305":
		s, err := chacha20.NewUnauthenticatedCipher(c.key, c.iv)
		if err != nil {
			return nil, err
		}
		s.SetCounter(1)
		c.stream = s
		return c, nil
	case "chacha20":
		// OpenSSL's 16-byte IV is the 32-bit little-endian counter, then the nonce
		ctr := uint32(iv[0]) | uint32(iv[1])<<8 | uint32(iv[2])<<16 | uint32(iv[3])<<24
		s, err := chacha20.NewUnauthenticatedCipher(c.key, c.iv[4:])
		if err != nil {
			return nil, err
		}
		s.SetCounter(ctr)
		c.stream = s
		return c, nil
	}
	b, err := aes.NewCipher(c.key)
	if err != nil {
		return nil, err
	}
	c.block = b
	switch spec.mode {
	case "cbc":
		if decrypt {
			c.cbc = cipher.NewCBCDecrypter(b, c.iv)
		} else {
			c.cbc = cipher.NewCBCEncrypter(b, c.iv)
		}
	case "ctr":
		c.stream = cipher.NewCTR(b, c.iv)
	case "gcm":
		if len(iv) == 12 {
			j := make([]byte, 16)
			copy(j, iv)
			j[15] = 2
			c.stream = cipher.NewCTR(b, j)
		}
	}
	return c, nil
}

func (c *cipherState) aead() (cipher.AEAD, error) {
	if c.spec.mode == "chacha20-poly1305" {
		return chacha20poly1305.New(c.key)
	}
	if len(c.iv) == 12 {
		return cipher.NewGCM(c.block)
	}
	return cipher.NewGCMWithNonceSize(c.block, len(c.iv))
}

func (c *cipherState) isAEAD() bool {
	return c.spec.mode == "gcm" || c.spec.mode == "chacha20-poly1305"
}

// setAAD is allowed before the first update only.
func (c *cipherState) setAAD(b []byte) bool {
	if !c.isAEAD() || c.started {
		return false
	}
	c.aad = append(c.aad, b...)
	return true
}

func (c *cipherState) update(in []byte) []byte {
	c.started = true
	switch c.spec.mode {
	case "ctr", "chacha20":
		out := make([]byte, len(in))
		c.stream.XORKeyStream(out, in)
		return out
	case "gcm", "chacha20-poly1305":
		if c.stream == nil {
			// a GCM IV other than 12 bytes: the counter needs GHASH, so the
			// text is kept and produced by final
			c.text = append(c.text, in...)
			return nil
		}
		out := make([]byte, len(in))
		c.stream.XORKeyStream(out, in)
		if c.decrypt {
			c.text = append(c.text, out...)
		} else {
			c.text = append(c.text, in...)
		}
		return out
	}
	// block modes
	c.pending = append(c.pending, in...)
	n := len(c.pending) / 16 * 16
	if c.decrypt && c.pad && n == len(c.pending) && n > 0 {
		n -= 16 // the last block may be padding: final decides
	}
	out := c.blocks(c.pending[:n])
	c.pending = append([]byte(nil), c.pending[n:]...)
	return out
}

func (c *cipherState) blocks(in []byte) []byte {
	out := make([]byte, len(in))
	if c.cbc != nil {
		c.cbc.CryptBlocks(out, in)
		return out
	}
	for i := 0; i < len(in); i += 16 {
		if c.decrypt {
			c.block.Decrypt(out[i:], in[i:i+16])
		} else {
			c.block.Encrypt(out[i:], in[i:i+16])
		}
	}
	return out
}

func (c *cipherState) final() ([]byte, error) {
	switch c.spec.mode {
	case "ctr", "chacha20":
		return nil, nil
	case "gcm", "chacha20-poly1305":
		a, err := c.aead()
		if err != nil {
			return nil, err
		}
		if !c.decrypt {
			sealed := a.Seal(nil, c.iv, c.text, c.aad)
			c.tag = sealed[len(sealed)-a.Overhead():][:c.tagLen]
			if c.stream == nil {
				return sealed[:len(sealed)-a.Overhead()], nil
			}
			return nil, nil
		}
		if c.tag == nil {
			return nil, errAuth
		}
		if c.stream == nil {
			if len(c.tag) != a.Overhead() {
				return nil, errAuth
			}
			plain, err := a.Open(nil, c.iv, append(append([]byte(nil), c.text...), c.tag...), c.aad)
			if err != nil {
				return nil, errAuth
			}
			return plain, nil
		}
		// the plaintext is known: sealing it again gives the tag to compare
		sealed := a.Seal(nil, c.iv, c.text, c.aad)
		want := sealed[len(sealed)-a.Overhead():][:len(c.tag)]
		if subtle.ConstantTimeCompare(want, c.tag) != 1 {
			return nil, errAuth
		}
		return nil, nil
	}
	if !c.decrypt {
		if c.pad {
			p := 16 - len(c.pending)%16
			for i := 0; i < p; i++ {
				c.pending = append(c.pending, byte(p))
			}
		} else if len(c.pending)%16 != 0 {
			return nil, errFinalLength
		}
		return c.blocks(c.pending), nil
	}
	if !c.pad {
		if len(c.pending)%16 != 0 {
			return nil, errFinalLength
		}
		return c.blocks(c.pending), nil
	}
	if len(c.pending) != 16 {
		return nil, errFinalLength
	}
	out := c.blocks(c.pending)
	p := int(out[15])
	if p == 0 || p > 16 {
		return nil, errBadDecrypt
	}
	for _, b := range out[16-p:] {
		if int(b) != p {
			return nil, errBadDecrypt
		}
	}
	return out[:16-p], nil
}
