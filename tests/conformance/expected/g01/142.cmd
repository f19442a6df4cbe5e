stamp --sql cd44b8b6d8fe
