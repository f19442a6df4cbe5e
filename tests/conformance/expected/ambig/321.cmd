stamp --sql x
