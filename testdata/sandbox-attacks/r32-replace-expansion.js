// resource attack (process only): memory: String.prototype.replace expanding past every size cap in one native step (a fatal Go out-of-memory in-process)
'x'.repeat(1 << 16).replace(/x/g, 'y'.repeat(1 << 16)).length
