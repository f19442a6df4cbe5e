show ae2e7f150524
