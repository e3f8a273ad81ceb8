// resource attack: a looping getter on the thrown value
throw { get message() { for (;;) {} }, get name() { for (;;) {} } }
