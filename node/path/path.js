'use strict';
// Node's path module: posix and win32 flavours, each a plain object of
// functions (path.posix.posix === path.posix, path.win32.win32 === path.win32).
const { cwd, platform } = internals;

function validateString(v, name) {
  if (typeof v !== 'string') throw internals.invalidArgType(name, 'of type string', v);
}

const SLASH = 47, BACKSLASH = 92, DOT = 46, COLON = 58;
const isPosixSep = (c) => c === SLASH;
const isWinSep = (c) => c === SLASH || c === BACKSLASH;
const isDriveLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

// normalizeString resolves . and .. segments of path (no root) with the
// separator sep; allowAboveRoot keeps leading .. segments.
function normalizeString(path, allowAboveRoot, sep, isSep) {
  let res = '';
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let code = 0;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) code = MethodCharCodeAt(path, i);
    else if (isSep(code)) break;
    else code = SLASH;
    if (isSep(code)) {
      if (lastSlash === i - 1 || dots === 1) {
        // empty segment or '.'
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 ||
            MethodCharCodeAt(res, res.length - 1) !== DOT || MethodCharCodeAt(res, res.length - 2) !== DOT) {
          if (res.length > 2) {
            const lastSlashIndex = MethodLastIndexOf(res, sep);
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = MethodSlice(res, 0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - MethodLastIndexOf(res, sep);
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? `${sep}..` : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) res += `${sep}${MethodSlice(path, lastSlash + 1, i)}`;
        else res = MethodSlice(path, lastSlash + 1, i);
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === DOT && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

function _format(sep, pathObject) {
  if (pathObject === null || typeof pathObject !== 'object') {
    throw internals.invalidArgType('pathObject', 'of type object', pathObject);
  }
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}
function formatExt(ext) { return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : ''; }

const posix = {
  sep: '/',
  delimiter: ':',
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = MethodCharCodeAt(path, 0) === SLASH;
    }
    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, '/', isPosixSep);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },
  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const isAbsolute = MethodCharCodeAt(path, 0) === SLASH;
    const trailingSeparator = MethodCharCodeAt(path, path.length - 1) === SLASH;
    path = normalizeString(path, !isAbsolute, '/', isPosixSep);
    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';
    return isAbsolute ? `/${path}` : path;
  },
  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && MethodCharCodeAt(path, 0) === SLASH;
  },
  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },
  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromStart = 1, fromEnd = from.length, fromLen = fromEnd - fromStart;
    const toStart = 1, toLen = to.length - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = MethodCharCodeAt(from, fromStart + i);
      if (fromCode !== MethodCharCodeAt(to, toStart + i)) break;
      else if (fromCode === SLASH) lastCommonSep = i;
    }
    if (i === length) {
      if (toLen > length) {
        if (MethodCharCodeAt(to, toStart + i) === SLASH) return MethodSlice(to, toStart + i + 1);
        if (i === 0) return MethodSlice(to, toStart + i);
      } else if (fromLen > length) {
        if (MethodCharCodeAt(from, fromStart + i) === SLASH) lastCommonSep = i;
        else if (i === 0) lastCommonSep = 0;
      }
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || MethodCharCodeAt(from, i) === SLASH) out += out.length === 0 ? '..' : '/..';
    }
    return `${out}${MethodSlice(to, toStart + lastCommonSep)}`;
  },
  toNamespacedPath(path) { return path; },
  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = MethodCharCodeAt(path, 0) === SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (MethodCharCodeAt(path, i) === SLASH) {
        if (!matchedSlash) { end = i; break; }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return MethodSlice(path, 0, end);
  },
  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameImpl(path, suffix, 0, isPosixSep);
  },
  extname(path) {
    validateString(path, 'path');
    return extnameImpl(path, 0, isPosixSep);
  },
  format(pathObject) { return _format('/', pathObject); },
  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const isAbsolute = MethodCharCodeAt(path, 0) === SLASH;
    let start;
    if (isAbsolute) { ret.root = '/'; start = 1; } else { start = 0; }
    parseTail(path, start, ret, isPosixSep, isAbsolute ? 1 : 0, 0);
    if (ret.dir === '' && isAbsolute) ret.dir = '/';
    return ret;
  },
  matchesGlob(path, pattern) {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    return globToRegExp(pattern, '/').test(path);
  },
};

function basenameImpl(path, suffix, start, isSep) {
  let end = -1;
  let matchedSlash = true;
  let i;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (i = path.length - 1; i >= start; --i) {
      const code = MethodCharCodeAt(path, i);
      if (isSep(code)) {
        if (!matchedSlash) { start = i + 1; break; }
      } else {
        if (firstNonSlashEnd === -1) { matchedSlash = false; firstNonSlashEnd = i + 1; }
        if (extIdx >= 0) {
          if (code === MethodCharCodeAt(suffix, extIdx)) {
            if (--extIdx === -1) end = i;
          } else {
            extIdx = -1;
            end = firstNonSlashEnd;
          }
        }
      }
    }
    if (start === end) end = firstNonSlashEnd;
    else if (end === -1) end = path.length;
    return MethodSlice(path, start, end);
  }
  for (i = path.length - 1; i >= start; --i) {
    if (isSep(MethodCharCodeAt(path, i))) {
      if (!matchedSlash) { start = i + 1; break; }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  if (end === -1) return '';
  return MethodSlice(path, start, end);
}

function extnameImpl(path, start, isSep) {
  let startDot = -1;
  let startPart = start;
  let end = -1;
  let matchedSlash = true;
  let preDotState = 0;
  for (let i = path.length - 1; i >= start; --i) {
    const code = MethodCharCodeAt(path, i);
    if (isSep(code)) {
      if (!matchedSlash) { startPart = i + 1; break; }
      continue;
    }
    if (end === -1) { matchedSlash = false; end = i + 1; }
    if (code === DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  if (startDot === -1 || end === -1 || preDotState === 0 ||
      (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
    return '';
  }
  return MethodSlice(path, startDot, end);
}

// parseTail fills dir/base/name/ext of ret from path[start:]; rootEnd is
// where the dir may end at the least (the root's length).
function parseTail(path, start, ret, isSep, rootEnd, startPart) {
  let startDot = -1;
  let end = -1;
  let matchedSlash = true;
  let i = path.length - 1;
  let preDotState = 0;
  for (; i >= start; --i) {
    const code = MethodCharCodeAt(path, i);
    if (isSep(code)) {
      if (!matchedSlash) { startPart = i + 1; break; }
      continue;
    }
    if (end === -1) { matchedSlash = false; end = i + 1; }
    if (code === DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  if (end !== -1) {
    const s = startPart === 0 && rootEnd ? rootEnd : startPart;
    if (startDot === -1 || preDotState === 0 ||
        (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
      ret.base = ret.name = MethodSlice(path, s, end);
    } else {
      ret.name = MethodSlice(path, s, startDot);
      ret.base = MethodSlice(path, s, end);
      ret.ext = MethodSlice(path, startDot, end);
    }
  }
  if (startPart > 0 && startPart > rootEnd) ret.dir = MethodSlice(path, 0, startPart - 1);
  else if (rootEnd) ret.dir = MethodSlice(path, 0, rootEnd);
}

// win32: drive letters, UNC roots (\\server\share) and both separators.
function winRoot(path, deviceMode) {
  // returns [rootEnd, device, isAbsolute]
  const len = path.length;
  if (len === 0) return [0, '', false];
  const code = MethodCharCodeAt(path, 0);
  if (len === 1) return isWinSep(code) ? [1, '', true] : [0, '', false];
  if (isWinSep(code)) {
    if (isWinSep(MethodCharCodeAt(path, 1))) {
      let j = 2;
      let last = j;
      while (j < len && !isWinSep(MethodCharCodeAt(path, j))) j++;
      if (j < len && j !== last) {
        const firstPart = MethodSlice(path, last, j);
        last = j;
        while (j < len && isWinSep(MethodCharCodeAt(path, j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && !isWinSep(MethodCharCodeAt(path, j))) j++;
          if (j === len || j !== last) {
            // normalize and resolve see \\\\.\\ and \\\\?\\ as device roots;
            // elsewhere the root takes the separator after the share
            if (deviceMode) {
              if (firstPart === '.' || firstPart === '?') return [4, `\\\\${firstPart}`, true];
              return [j, `\\\\${firstPart}\\${MethodSlice(path, last, j)}`, true];
            }
            return [j === len ? j : j + 1, `\\\\${firstPart}\\${MethodSlice(path, last, j)}`, true];
          }
        }
      }
      return [1, '', true];
    }
    return [1, '', true];
  }
  if (isDriveLetter(code) && MethodCharCodeAt(path, 1) === COLON) {
    const device = MethodSlice(path, 0, 2);
    if (len > 2 && isWinSep(MethodCharCodeAt(path, 2))) return [3, device, true];
    return [2, device, false];
  }
  return [0, '', false];
}

const win32 = {
  sep: '\\',
  delimiter: ';',
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = cwd();
      } else {
        path = cwd();
        if (path === undefined || (MethodToLowerCase(MethodSlice(path, 0, 2)) !== MethodToLowerCase(resolvedDevice) &&
            MethodCharCodeAt(path, 2) === BACKSLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }
      const [rootEnd, device, isAbsolute] = SafeIterable(winRoot(path, true));
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (MethodToLowerCase(device) !== MethodToLowerCase(resolvedDevice)) continue;
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${MethodSlice(path, rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }
    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\', isWinSep);
    return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` : `${resolvedDevice}${resolvedTail}` || '.';
  },
  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(MethodCharCodeAt(path, 0)) ? '\\' : path;
    const [rootEnd, device, isAbsolute] = SafeIterable(winRoot(path, true));
    let tail = rootEnd < len ? normalizeString(MethodSlice(path, rootEnd), !isAbsolute, '\\', isWinSep) : '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isWinSep(MethodCharCodeAt(path, len - 1))) tail += '\\';
    if (!isAbsolute && device === '' && MethodIncludes(path, ':')) {
      // a relative path must not turn into a drive path (Node's fix for
      // "a\\C:\\x"): a colon ending a segment gets a leading .\\
      if (tail.length >= 2 && isDriveLetter(MethodCharCodeAt(tail, 0)) && MethodCharCodeAt(tail, 1) === COLON) return `.\\${tail}`;
      for (let i = MethodIndexOf(path, ':'); i !== -1; i = MethodIndexOf(path, ':', i + 1)) {
        if (i === len - 1 || isWinSep(MethodCharCodeAt(path, i + 1))) return `.\\${tail}`;
      }
    }
    if (device === '') return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },
  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = MethodCharCodeAt(path, 0);
    return isWinSep(code) ||
      (len > 2 && isDriveLetter(code) && MethodCharCodeAt(path, 1) === COLON && isWinSep(MethodCharCodeAt(path, 2)));
  },
  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    // keep a leading \\ (UNC) only when the first part had it
    let needsReplace = true;
    let slashCount = 0;
    if (isWinSep(MethodCharCodeAt(firstPart, 0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isWinSep(MethodCharCodeAt(firstPart, 1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isWinSep(MethodCharCodeAt(firstPart, 2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isWinSep(MethodCharCodeAt(joined, slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${MethodSlice(joined, slashCount)}`;
    }
    return win32.normalize(joined);
  },
  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    from = MethodToLowerCase(fromOrig);
    to = MethodToLowerCase(toOrig);
    if (from === to) return '';
    let fromStart = 0;
    while (fromStart < from.length && MethodCharCodeAt(from, fromStart) === BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && MethodCharCodeAt(from, fromEnd - 1) === BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;
    let toStart = 0;
    while (toStart < to.length && MethodCharCodeAt(to, toStart) === BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && MethodCharCodeAt(to, toEnd - 1) === BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = MethodCharCodeAt(from, fromStart + i);
      if (fromCode !== MethodCharCodeAt(to, toStart + i)) break;
      else if (fromCode === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (MethodCharCodeAt(to, toStart + i) === BACKSLASH) return MethodSlice(toOrig, toStart + i + 1);
        if (i === 2) return MethodSlice(toOrig, toStart + i);
      }
      if (fromLen > length) {
        if (MethodCharCodeAt(from, fromStart + i) === BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || MethodCharCodeAt(from, i) === BACKSLASH) out += out.length === 0 ? '..' : '\\..';
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${MethodSlice(toOrig, toStart, toEnd)}`;
    if (MethodCharCodeAt(toOrig, toStart) === BACKSLASH) ++toStart;
    return MethodSlice(toOrig, toStart, toEnd);
  },
  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) return path;
    if (MethodCharCodeAt(resolvedPath, 0) === BACKSLASH) {
      if (MethodCharCodeAt(resolvedPath, 1) === BACKSLASH) {
        const code = MethodCharCodeAt(resolvedPath, 2);
        if (code !== 63 && code !== DOT) return `\\\\?\\UNC\\${MethodSlice(resolvedPath, 2)}`;
      }
    } else if (isDriveLetter(MethodCharCodeAt(resolvedPath, 0)) && MethodCharCodeAt(resolvedPath, 1) === COLON &&
               MethodCharCodeAt(resolvedPath, 2) === BACKSLASH) {
      return `\\\\?\\${resolvedPath}`;
    }
    return resolvedPath;
  },
  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let [rootEnd] = SafeIterable(winRoot(path));
    if (len === 1) return isWinSep(MethodCharCodeAt(path, 0)) ? path : '.';
    const offset = rootEnd;
    if (rootEnd === len && winRoot(path)[1] !== '') return path;
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isWinSep(MethodCharCodeAt(path, i))) {
        if (!matchedSlash) { end = i; break; }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === 0) return '.';
      end = rootEnd;
    }
    return MethodSlice(path, 0, end);
  },
  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    let start = 0;
    if (path.length >= 2 && isDriveLetter(MethodCharCodeAt(path, 0)) && MethodCharCodeAt(path, 1) === COLON) start = 2;
    return basenameImpl(path, suffix, start, isWinSep);
  },
  extname(path) {
    validateString(path, 'path');
    let start = 0;
    if (path.length >= 2 && MethodCharCodeAt(path, 1) === COLON && isDriveLetter(MethodCharCodeAt(path, 0))) start = 2;
    return extnameImpl(path, start, isWinSep);
  },
  format(pathObject) { return _format('\\', pathObject); },
  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const len = path.length;
    let [rootEnd] = SafeIterable(winRoot(path));
    if (len === 1 || rootEnd === len) {
      if (rootEnd === len || isWinSep(MethodCharCodeAt(path, 0))) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    if (rootEnd > 0) ret.root = MethodSlice(path, 0, rootEnd);
    parseTail(path, rootEnd, ret, isWinSep, rootEnd, rootEnd);
    return ret;
  },
  matchesGlob(path, pattern) {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    return globToRegExp(pattern, '\\').test(MethodReplace(path, /\//g, '\\'));
  },
};

// globToRegExp: *, **, ?, [...] and {a,b} — the forms path.matchesGlob takes.
function globToRegExp(glob, sep) {
  const s = sep === '\\' ? '\\\\' : '/';
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/' || glob[i + 1] === '\\') { i++; re += `(?:.*${s})?`; } else re += '.*';
      } else re += `[^${s}]*`;
    } else if (c === '?') re += `[^${s}]`;
    else if (c === '{') {
      const end = MethodIndexOf(glob, '}', i);
      if (end < 0) { re += '\\{'; continue; }
      re += '(?:' + MethodJoin(MethodMap(MethodSplit(MethodSlice(glob, i + 1, end), ','), escapeRe), '|') + ')';
      i = end;
    } else if (c === '[') {
      const end = MethodIndexOf(glob, ']', i);
      if (end < 0) { re += '\\['; continue; }
      re += '[' + MethodReplace(MethodSlice(glob, i + 1, end), /^!/, '^') + ']';
      i = end;
    } else if (c === '/' || c === '\\') re += s;
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}
function escapeRe(s) { return MethodReplace(s, /[.*+?^${}()|[\]\\/]/g, '\\$&'); }

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
posix._makeLong = posix.toNamespacedPath;
win32._makeLong = win32.toNamespacedPath;
module.exports = platform === 'win32' ? win32 : posix;
