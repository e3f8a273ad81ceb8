// resource attack: memory: ArrayBuffer length whose valueOf answers the size check and the allocation differently
let n = 0; const b = new ArrayBuffer({ valueOf() { return n++ ? 2 ** 40 : 1 } }); throw new RangeError('allocated ' + b.byteLength + ' bytes');
