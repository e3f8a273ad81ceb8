// mathjs: expressions, matrices, units, fractions, bignumbers
const math = require('mathjs');
console.log(math.evaluate('sqrt(3^2 + 4^2)'), math.evaluate('12.7 cm to inch').toString(), math.format(math.evaluate('det([1,2;3,4])'), 14));
console.log(math.multiply([[1, 2], [3, 4]], [[5], [6]]), math.inv([[1, 2], [3, 4]]), math.fraction(1, 3).add(math.fraction(1, 6)).toString());
console.log(math.bignumber('0.1').plus('0.2').toString(), math.derivative('x^2 + 3x', 'x').toString(), math.simplify('2x + 3x').toString());
const parser = math.parser(); parser.evaluate('f(x) = x^2'); console.log(parser.evaluate('f(5)'), math.std([2, 4, 4, 4, 5, 5, 7, 9]), math.round(math.pi, 5));
