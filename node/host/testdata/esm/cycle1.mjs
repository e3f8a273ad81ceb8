import { two } from './cycle2.mjs';
export const one = 1;
export const cycleResult = 'cycle ' + two();
