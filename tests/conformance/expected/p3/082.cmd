show cccc
