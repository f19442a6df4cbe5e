stamp --sql base
