stamp --sql heads:base
