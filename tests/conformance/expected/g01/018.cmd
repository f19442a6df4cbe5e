history -v -r cd61d8f16adf:1e2f414c343c
