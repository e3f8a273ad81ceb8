package http_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// writeCerts writes a self-signed certificate for localhost and
// 127.0.0.1 (cert.pem, key.pem) and an unrelated one (other.pem) into dir.
func writeCerts(t *testing.T, dir string) {
	t.Helper()
	for i, name := range []string{"cert.pem", "other.pem"} {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := &x509.Certificate{
			SerialNumber:          big.NewInt(int64(i + 1)),
			Subject:               pkix.Name{CommonName: "localhost"},
			NotBefore:             time.Now().Add(-time.Hour),
			NotAfter:              time.Now().Add(24 * time.Hour),
			KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
			ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
			BasicConstraintsValid: true,
			IsCA:                  true,
			DNSNames:              []string{"localhost"},
			IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		if name == "cert.pem" {
			kb, err := x509.MarshalPKCS8PrivateKey(key)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestNetScripts runs testdata/net/*.js (local servers) with freshly generated certificates and
// compares the output with the .out files recorded from node
// (UPDATE_SNAPSHOTS=1 re-records them with node).
func TestNetScripts(t *testing.T) {
	dir := t.TempDir()
	writeCerts(t, dir)
	files, _ := filepath.Glob("testdata/net/*.js")
	if len(files) == 0 {
		t.Fatal("no testdata/net scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			outFile := strings.TrimSuffix(f, ".js") + ".out"
			if os.Getenv("UPDATE_SNAPSHOTS") != "" {
				cmd := exec.Command("node", f)
				cmd.Env = append(os.Environ(), "JSVM_TEST_CERTS="+dir)
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("node: %v\n%s", err, out)
				}
				if err := os.WriteFile(outFile, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(outFile)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			env := host.NewEnv(map[string]string{"JSVM_TEST_CERTS": dir})
			h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &out, Stderr: &out, Env: env})
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan int, 1)
			go func() { done <- h.RunMain(f) }()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				h.Terminate()
				<-done
				t.Fatalf("host did not finish; output so far:\n%s", out.String())
			}
			if out.String() != string(want) {
				t.Errorf("output differs\n--- got\n%s\n--- want (node)\n%s", out.String(), want)
			}
		})
	}
}
