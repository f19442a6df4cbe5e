history -r ae2e7f150524:+1
