stamp --sql e252e44c5055
