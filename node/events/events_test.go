package events

import (
	"github.com/jsvm-dev/jsvm/internal/jstest"
	"testing"

	"github.com/jsvm-dev/jsvm/node/host"
)

func TestScripts(t *testing.T) {
	jstest.RunScripts(t, map[string]host.Loader{"events": Load})
}
