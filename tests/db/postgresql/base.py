"""PostgreSQL for the test run: a flush empties the audit log with its TRUNCATE trigger off.

Transactional tests end with a flush, one TRUNCATE of every table, and the audit log
refuses TRUNCATE as it must in production. The test database's owner switches that one
trigger off around the flush (in the flush's transaction); nothing else changes.
"""

from typing import Any

from django.db.backends.postgresql import base, operations

AUDIT_TABLE = "cases_auditevent"
NO_TRUNCATE = "cases_auditevent_no_truncate"


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style: Any, tables: list[str], **options: Any) -> list[str]:
        sql = super().sql_flush(style, tables, **options)
        if AUDIT_TABLE not in tables or not sql:
            return sql
        return [
            f"ALTER TABLE {AUDIT_TABLE} DISABLE TRIGGER {NO_TRUNCATE}",
            *sql,
            f"ALTER TABLE {AUDIT_TABLE} ENABLE TRIGGER {NO_TRUNCATE}",
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
