history -r alpha:
