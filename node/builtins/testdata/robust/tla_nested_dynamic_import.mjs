try {
  await import('./mods/imports_thrower.mjs');
} catch (e) {
  console.log('caught', e.message);
}
// the same failed graph again: the same error, not a crash
try {
  await import('./mods/imports_thrower.mjs');
} catch (e) {
  console.log('caught again', e.message);
}
await import('./mods/imports_thrower.mjs');
