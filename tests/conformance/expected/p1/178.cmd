history -r ae1027a6acf:ae1027a6acf
