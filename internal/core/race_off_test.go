//go:build !race

package core

const raceStackFactor = 1
