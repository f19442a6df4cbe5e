stamp --sql f9
