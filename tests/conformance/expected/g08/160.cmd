upgrade 0b35b46ee1da:heads --sql
