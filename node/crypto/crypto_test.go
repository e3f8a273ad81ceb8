// Node generates 512-bit RSA keys; the jsvm command allows them as this
// test binary does.
//
//go:debug rsa1024min=0
package crypto_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
