"""Alembic environment: run migrations on the connection db.migrate hands over."""
from alembic import context

from db.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` run by hand against a URL
    from db.engine import make_engine
    connection = make_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite",
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
