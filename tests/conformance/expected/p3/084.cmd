show bbbb
