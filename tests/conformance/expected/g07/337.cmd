stamp --sql f
