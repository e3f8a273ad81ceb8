async function g() {
  await null;
  throw new RangeError('rejected');
}
g();
