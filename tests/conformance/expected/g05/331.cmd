history -r alpha@base:alpha@+1
