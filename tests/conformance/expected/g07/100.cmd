show d3ac0f9eb0cb
