downgrade f9:ae2e7f150524 --sql
