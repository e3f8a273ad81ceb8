const readline = require('readline');
const rlp = require('readline/promises');
const { PassThrough } = require('stream');
const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('close', () => {
  console.log('lines', JSON.stringify(lines));
  const in2 = new PassThrough(), out2 = new PassThrough();
  let written = '';
  out2.on('data', (c) => { written += c; });
  const r2 = readline.createInterface({ input: in2, output: out2 });
  r2.question('name? ', (a) => {
    console.log('answer', JSON.stringify(a), JSON.stringify(written));
    r2.close();
    const in3 = new PassThrough();
    const r3 = readline.createInterface({ input: in3 });
    const it = r3[Symbol.asyncIterator]();
    const got = [];
    const pull = () => it.next().then((r) => { if (r.done) { console.log('iterated', got); part4(); } else { got.push(r.value); pull(); } });
    pull();
    in3.write('x\ny\n'); in3.end('z');
  });
  in2.write('bob\n');
});
input.write('one\ntwo\r\nthr');
input.write('ee\r');
input.write('\nfour\n\nsix');
input.end();
function part4() {
  const in4 = new PassThrough(), out4 = new PassThrough();
  out4.resume();
  const r4 = rlp.createInterface({ input: in4, output: out4 });
  r4.question('q? ').then((a) => { console.log('promise answer', a); r4.close(); console.log('closed', r4.closed); });
  in4.write('yes\n');
}
