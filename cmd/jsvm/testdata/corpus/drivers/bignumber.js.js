// bignumber.js: arbitrary-precision arithmetic and formatting
const BigNumber = require('bignumber.js');
const x = new BigNumber('123456789.123456789');
console.log(x.times('987654321.987654321').toFixed(), x.div(3).toString(), new BigNumber(0.1).plus(0.2).toString());
console.log(new BigNumber(255).toString(16), new BigNumber('1e+50').toFormat(), BigNumber.config({ DECIMAL_PLACES: 5 }).DECIMAL_PLACES, new BigNumber(2).sqrt().toString());
console.log(new BigNumber('abc').isNaN(), BigNumber.max(1, 5, 3).toNumber(), new BigNumber(-0).isNegative(), new BigNumber('1.005').decimalPlaces(2).toString());
