history -r f710f770c226+1:
