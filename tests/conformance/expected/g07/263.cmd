downgrade heads:ae2e7f150524 --sql
