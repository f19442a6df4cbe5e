show ef902a7c1880
