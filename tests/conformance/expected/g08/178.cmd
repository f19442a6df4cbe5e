downgrade c24f3bf36a14:0b35b46ee1da --sql
