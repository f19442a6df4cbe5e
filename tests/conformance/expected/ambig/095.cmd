show abc
