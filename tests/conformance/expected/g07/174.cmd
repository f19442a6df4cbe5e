upgrade ae2e7f150524:heads --sql
