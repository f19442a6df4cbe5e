history -r n1000001+1:
