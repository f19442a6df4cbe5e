stamp --sql heads
