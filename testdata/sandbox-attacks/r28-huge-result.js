// resource attack: a result too large to copy
new Array(2 ** 26).fill('x'.repeat(64))
