// resource attack: memory: one huge ArrayBuffer / typed array
new ArrayBuffer(2 ** 40)
