downgrade 0b35b46ee1da:nosuch --sql
