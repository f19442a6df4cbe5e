history -r 1e2f414c343c:cd61d8f16adf
