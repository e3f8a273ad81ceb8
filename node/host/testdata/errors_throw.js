process.on('exit', (c) => process.stdout.write('exit ' + c + '\n'));
function f() {
  throw new TypeError('boom');
}
f();
