// clsx (ESM): class name composition
import clsx from 'clsx';
console.log(clsx('a', { b: true, c: false }, ['d', ['e', { f: 1 }]], null, 0, 'g'), clsx(), clsx({ x: 0 }));
