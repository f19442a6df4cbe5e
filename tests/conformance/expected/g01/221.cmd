history -r cd61d8f16adf+1:
