package host

type esmState struct{}

func (h *Host) isESMEntry(path string) bool { return false }

func (h *Host) runESMMain(path string) {}

func (h *Host) esmFallback(filename string, err error) bool { return false }
