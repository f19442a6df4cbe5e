stamp --sql head:171027ac435a
