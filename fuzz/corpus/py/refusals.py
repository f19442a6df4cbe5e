"""refusals"""
revision = 'r1'
down_revision = None
def helper():
    op.create_table("x")
def upgrade(): op.execute(f"SELECT {1}")
def downgrade():
    for x in range(3):
        op.execute("x")
