show z100
