show netlib
