show d3ac0f21ddb6
