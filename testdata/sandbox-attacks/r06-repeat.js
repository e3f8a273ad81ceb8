// resource attack: memory: String.prototype.repeat / padStart
'abc'.repeat(2 ** 30) + ' '.padStart(2 ** 31)
