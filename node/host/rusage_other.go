//go:build !unix

package host

import "github.com/grafana/sobek"

// installIDs: no resourceUsage or uid getters off Unix (as Node on Windows).
func (h *Host) installIDs(p *sobek.Object) {}
