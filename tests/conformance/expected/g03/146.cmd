show alpha@-1
