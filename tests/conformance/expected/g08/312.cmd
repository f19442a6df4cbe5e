history -r :a9b71d1d784f-2
