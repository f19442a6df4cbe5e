history -r :ac
