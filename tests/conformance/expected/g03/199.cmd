upgrade base:alpha@head --sql
