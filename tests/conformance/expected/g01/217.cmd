history -r cd61d8f16adf:cd61d8f16adf
