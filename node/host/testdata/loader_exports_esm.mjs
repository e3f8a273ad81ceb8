import './pkgs/app/esm.mjs';
