show bbbb000
