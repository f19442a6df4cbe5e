'''doc'''
import a.b as c, d
from .x import (y as z, w,)
x: str = 'v'
a, (b, c) = 1, (2, 3)
x += 1
@dec
def f(p, q=1, *args, k: int = 2, **kw) -> None:
    return p
if a:
    pass
elif b:
    pass
else:
    pass
for i in [1, 2]:
    continue
else:
    pass
with a(1) as b, c as d:
    pass
raise X from Y
try:
    pass
except (E1, E2) as e:
    pass
else:
    pass
finally:
    pass
global g1, g2
del a, b
assert x, 'm'
while x:
    break
class C(B, metaclass=M):
    x = 1
x = y = 3; z = 4
