history -r alpha@-1:
