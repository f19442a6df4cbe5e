merge -m "join" nosuch a9b71d1d784f
