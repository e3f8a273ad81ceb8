// punycode (userland): encode/decode, IDNA
const punycode = require('punycode/');
console.log(punycode.encode('mañana'), punycode.decode('maana-pta'), punycode.toASCII('ñandú.com'), punycode.toUnicode('xn--and-6ma2c.com'));
console.log(punycode.ucs2.decode('𝌆a'), punycode.ucs2.encode([0x1d306, 97]), punycode.version);
