history -r a1000001+1:
