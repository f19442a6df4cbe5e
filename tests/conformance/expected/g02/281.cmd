history -r ext@base:ext@+1
