history -r cccc0001:+1
