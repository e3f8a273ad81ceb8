// decimal.js: arbitrary-precision decimal arithmetic
const Decimal = require('decimal.js');
console.log(new Decimal(0.1).plus(0.2).toString(), new Decimal(1).div(3).toFixed(30), Decimal.sqrt(2).toSignificantDigits(40).toString());
Decimal.set({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
console.log(Decimal.exp(1).toString(), new Decimal('1e-20').times('3e400').toString(), new Decimal(255).toHexadecimal(), new Decimal('123.456').toFraction());
console.log(Decimal.pow(2, 0.5).toString(), new Decimal(-0).isNegative(), new Decimal('NaN').isNaN(), Decimal.max(1, '2', 3n.toString()).toString());
