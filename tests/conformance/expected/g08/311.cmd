history -r d45c9ec353c1+1:
