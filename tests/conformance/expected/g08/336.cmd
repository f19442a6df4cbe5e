downgrade 0b35b46ee1da:0b35b46ee1da-2 --sql
