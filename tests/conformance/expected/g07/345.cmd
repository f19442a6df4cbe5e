upgrade ae2e7f150524:f9-1 --sql
