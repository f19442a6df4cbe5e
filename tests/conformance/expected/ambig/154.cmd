upgrade base:abcdlabel@head --sql
