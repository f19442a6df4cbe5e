history -r a9b71d1d784f:a9b71d1d784f
