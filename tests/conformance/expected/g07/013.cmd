history -r f9:ae2e7f150524
