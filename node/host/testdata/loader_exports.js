require('./pkgs/app/main.js');
