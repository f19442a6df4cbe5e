upgrade base:netlib@head --sql
