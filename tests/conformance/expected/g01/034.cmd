history -r :3
