// not a vm test: never discovered
