export { url } from '../a.mjs?from=sub';
