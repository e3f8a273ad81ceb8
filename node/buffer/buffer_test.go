package buffer

import (
	"testing"

	"github.com/jsvm-dev/jsvm/node/host"
)

func TestScripts(t *testing.T) {
	runScripts(t, map[string]host.Loader{"buffer": Load})
}
