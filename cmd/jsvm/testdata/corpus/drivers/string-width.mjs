// string-width / strip-ansi / wrap-ansi (ESM, emoji and East Asian width regexes)
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';
console.log(stringWidth('abc'), stringWidth('古池や'), stringWidth('\u001B[1mbold\u001B[22m'), stringWidth('👍🏽'), stringWidth('e\u0301'));
console.log(JSON.stringify(stripAnsi('\u001B[4mcake\u001B[0m \u001B]8;;https://x\u0007link\u001B]8;;\u0007')));
console.log(JSON.stringify(wrapAnsi('The quick brown \u001B[31mfox jumped over\u001B[39m the lazy dog', 12, { hard: true })));
