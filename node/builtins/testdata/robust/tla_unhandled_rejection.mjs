await null;
Promise.reject(new Error('unhandled'));
