show 65aa79f248b0
