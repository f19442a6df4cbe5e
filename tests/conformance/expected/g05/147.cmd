show alpha@base
