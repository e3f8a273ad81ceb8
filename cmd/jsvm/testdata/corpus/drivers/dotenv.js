// dotenv: parse .env text, populate process.env from a file
const dotenv = require('dotenv');
const fs = require('fs');
const os = require('os');
const path = require('path');
console.log(dotenv.parse('A=1\nB="two words"\n# comment\nC=\'x#y\'\nMULTI="l1\\nl2"\nEMPTY=\n export D=4'));
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dotenv-')), '.env');
fs.writeFileSync(file, 'JSVM_DOTENV_X=hello\nJSVM_DOTENV_Y=${JSVM_DOTENV_X}-world\n');
const r = dotenv.config({ path: file, quiet: true });
console.log(r.parsed, process.env.JSVM_DOTENV_X, process.env.JSVM_DOTENV_Y);
fs.rmSync(path.dirname(file), { recursive: true });
