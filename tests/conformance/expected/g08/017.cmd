history -r 844da65423a9:d45c9ec353c1
