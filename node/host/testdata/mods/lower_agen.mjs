export async function* twice(it) {
  for await (const x of it) yield x * 2;
}
