show cd61
