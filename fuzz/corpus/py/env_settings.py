import os
from alembic import context
from sqlmodel import SQLModel
from app.models import Thing

config = context.config
target_metadata = SQLModel.metadata
config.set_main_option("sqlalchemy.url", os.getenv("POSTGRES_URL"))
config.set_main_option("b", os.environ.get("X", "d") + f"/{os.environ['PX']}?t=%s" % "1")
config.set_section_option("s", "k", "{}-{n}".format(1, n=config.get_main_option("b")))

def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True,
                      version_table="v", include_schemas=True)

def run_migrations_online():
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True, compare_type=True)

if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
