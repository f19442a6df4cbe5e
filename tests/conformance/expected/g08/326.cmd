upgrade 0b35b46ee1da:c24f3bf36a14-1 --sql
