upgrade abcdlabel@head --sql
