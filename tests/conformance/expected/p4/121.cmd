show netlib@base
