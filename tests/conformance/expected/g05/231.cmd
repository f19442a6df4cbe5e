stamp --sql f7f3f0e3cd97
