// big.js, numeral, bytes: decimal arithmetic and number formatting
const Big = require('big.js');
const numeral = require('numeral');
const bytes = require('bytes');
console.log(new Big('0.1').plus('0.2').toString(), new Big(2).pow(100).toFixed(), new Big('1').div(3).toPrecision(30), new Big('-1.005').round(2).toString());
try { new Big('abc'); } catch (e) { console.log(e.name, e.message); }
console.log(numeral(1234567.891).format('0,0.00'), numeral(0.1234).format('0.0%'), numeral(1536).format('0.0b'), numeral('1,234.5').value(), numeral(-5).format('($0,0)'));
console.log(bytes(1024), bytes(1536, { decimalPlaces: 1 }), bytes('1.5MB'), bytes.parse('10kb'), bytes(0), bytes(null));
