show core
