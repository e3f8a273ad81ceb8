import './attrs/resolve.mjs';
