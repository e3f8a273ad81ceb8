import { a } from './esm/a.mjs';
process.stdout.write(a + '\n');
throw new Error('esm boom');
