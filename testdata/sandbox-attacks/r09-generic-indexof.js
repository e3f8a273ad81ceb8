// resource attack: CPU: generic array method on a 2^53 array-like
Array.prototype.indexOf.call({ length: 2 ** 53 }, 1)
