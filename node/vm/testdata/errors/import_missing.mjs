// Node shows its resolver's throw site above a failed import.
import './no-such-module.mjs';
