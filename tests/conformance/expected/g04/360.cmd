show alpha@+1
