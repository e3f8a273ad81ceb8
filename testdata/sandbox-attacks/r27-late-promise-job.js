// resource attack: a job after the result must not run after the run
Promise.resolve().then(() => { for (;;) {} }); 1
