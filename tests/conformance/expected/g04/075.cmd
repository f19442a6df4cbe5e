history -r alpha@base:alpha@head
