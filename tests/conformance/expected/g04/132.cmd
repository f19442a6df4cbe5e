show fd
