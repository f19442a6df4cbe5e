history -r :cf
