// resource attack: memory/CPU: fill a 2^32-1 array
new Array(2 ** 32 - 1).fill(0)
