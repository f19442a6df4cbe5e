upgrade base:ext@head --sql
