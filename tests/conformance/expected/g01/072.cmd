show cd61d8f16adf
