require('./pkgs/app/reqesm.js');
