import { nanoid, customAlphabet } from 'nanoid';
console.log(nanoid().length, /^[A-Za-z0-9_-]+$/.test(nanoid()), customAlphabet('ab', 8)().replace(/[ab]/g, '').length);
