history -r z1000001+1:
