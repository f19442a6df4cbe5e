show cd44b8b6d8fe
