await Promise.reject(new TypeError('rej'))
