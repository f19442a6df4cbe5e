history -r :fd
