history -r cccc0001:+2
