// SES: %ThrowTypeError% shared identity
const tte = Object.getOwnPropertyDescriptor(function () { 'use strict'; return arguments }(), 'callee').get; try { tte.__escaped = true } catch (e) {} try { pwn(tte.constructor('return this')()) } catch (e) {} 1
