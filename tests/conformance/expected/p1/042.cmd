history -r ae1027a6acf:+2
