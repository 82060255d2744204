"""Alembic's environment for the store's migrations, run programmatically by
`frontlines.store.migrate` on the connection it is given (no alembic.ini)."""

from alembic import context

from frontlines.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
)
with context.begin_transaction():
    context.run_migrations()
